# ArtGallery: multi-stage build. CPU by default; CUDA with --build-arg TORCH_BACKEND=cuda
# (needs a NuGet feed that serves TorchSharp-cuda-linux and a CUDA-capable host runtime).
# Ubuntu 24.04 (noble) images: Debian 12 based images lack GLIBCXX_3.4.32 (README, "TorchSharp on Debian 12";
# the build's patch makes it harmless either way).
ARG TORCH_BACKEND=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TORCH_BACKEND
WORKDIR /src
COPY . .
# The web app's publish carries the engine too (artgallery.dll: the training worker the app spawns per run, and the
# CLI: `docker run --entrypoint dotnet IMAGE artgallery.dll train ...`).
RUN dotnet publish src/ArtGallery.Web -c Release -o /app -p:TorchBackend=${TORCH_BACKEND}

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ArtGallery__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
# The runtime image has no curl: ask /health over bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# Same program as the README's `dotnet run --project src/ArtGallery.Web`.
ENTRYPOINT ["dotnet", "ArtGallery.Web.dll"]
