#:sdk Microsoft.NET.Sdk.Web
// Serves a folder of static files on http://localhost:5080 (or the port given second): the published what-if page,
// with nothing but the .NET SDK. From the repository root (docs/web.md):
//   dotnet publish samples/LlmTco.Web -c Release -o artifacts/web && dotnet run eng/serve/serve.cs -- artifacts/web/wwwroot
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

var folder = Path.GetFullPath(args.Length > 0 ? args[0] : "artifacts/web/wwwroot");
if (!File.Exists(Path.Combine(folder, "index.html")))
{
    Console.Error.WriteLine($"error: {folder} has no index.html; publish the page first: dotnet publish samples/LlmTco.Web -c Release -o artifacts/web");
    return 1;
}

var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5080;
var app = WebApplication.Create();
var files = new PhysicalFileProvider(folder);
var types = new FileExtensionContentTypeProvider();
types.Mappings[".dat"] = "application/octet-stream"; // the runtime's ICU data
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
Console.WriteLine($"Serving {folder} on http://localhost:{port}/ (Ctrl+C stops)");
app.Run($"http://localhost:{port}");
return 0;
