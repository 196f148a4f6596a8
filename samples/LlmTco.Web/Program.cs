using LlmTco.Web.Pages;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<WhatIf>("#app");
await builder.Build().RunAsync();
