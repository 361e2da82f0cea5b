#!/usr/bin/env bash
# Packs what a bare GPU machine (no Java, no Debian packages) needs to run Simcast's headless checks into
# target/device (about 60 MB): a jlink'ed runtime (xz), the jars without JavaFX/WebRTC/LLM (FFmpeg's GPL jar stays:
# NVENC is tried there), Debian's libmujoco and the libraries it links, and glvnd's EGL dispatcher (NVIDIA
# containers often ship only the vendor libraries).
# Then, on the GPU machine, from the repository root: bash scripts/gpu-check.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
"$root/scripts/build.sh"
out="$root/target/device"
rm -rf "$out" && mkdir -p "$out/jars" "$out/lib"
cp "$root"/bench/target/simcast-bench-*.jar "$out/jars/"
tr ':' '\n' < "$root/bench/target/runtime-classpath.txt" \
  | grep -vE 'openjfx|richtext|reactfx|flowless|undofx|wellbehaved|langchain4j|jtokkit|webrtc|ffmpeg-.*-gpl' \
  | xargs -I{} cp {} "$out/jars/"
for lib in libmujoco.so.2.2.2 libccd.so.2 liblodepng.so.0 libqhull_r.so.8.0 libtinyxml2.so.9 libEGL.so.1 libGLdispatch.so.0; do
  cp -L "/usr/lib/x86_64-linux-gnu/$lib" "$out/lib/"
done
staging="$(mktemp -d)"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.httpserver,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$staging/jre" 2>/dev/null
tar cJf "$out/jre.tar.xz" -C "$staging" jre
rm -rf "$staging"
# FFmpeg's natives, only the libraries encoding needs (no avfilter, avdevice or programs), xz-compressed: the
# whole jar would not fit the 64 MiB the device machine takes. gpu-check.sh puts the folder on the class path.
gpl="$(tr ':' '\n' < "$root/app/target/runtime-classpath.txt" | grep 'ffmpeg-.*-linux-x86_64-gpl.jar')"
natives="$(mktemp -d)"
(cd "$natives" && unzip -q "$gpl" 'META-INF/*' \
  'org/bytedeco/ffmpeg/linux-x86_64-gpl/libjni'{avutil,avcodec,avformat,swscale}'.so' \
  'org/bytedeco/ffmpeg/linux-x86_64-gpl/lib'{avutil,avcodec,avformat,swscale,swresample}'.so.*' \
  'org/bytedeco/ffmpeg/linux-x86_64-gpl/libva*' 'org/bytedeco/ffmpeg/linux-x86_64-gpl/libdrm*')
tar cf - -C "$natives" . | xz -T0 -6 > "$out/ffmpeg-natives.tar.xz"
rm -rf "$natives"
du -sh "$out"
