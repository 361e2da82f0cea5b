# Sourced by every Simcast script: the JDK and JVM flags the product and the build need.
# Temurin 25 is where this kind of machine keeps it; any JDK 25+ named by SIMCAST_JAVA_HOME wins.
simcast_java_home() {
  local candidate
  for candidate in "${SIMCAST_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
       && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"
      return 0
    fi
  done
  echo "simcast: no JDK 25 found; install Temurin 25 (/usr/lib/jvm/temurin-25-jdk-amd64) or set SIMCAST_JAVA_HOME" >&2
  return 1
}
JAVA_HOME="$(simcast_java_home)"
export JAVA_HOME
# JavaCPP (MuJoCo), LWJGL (EGL), webrtc-java and JavaFX all load native code; LWJGL and Undertow also use
# sun.misc.Unsafe, which JDK 24+ warns about unless allowed.
# Memory a long-running host gives back (docs/PERFORMANCE.md, "Resident size"): after 20 s without a collection G1
# runs one and returns the heap it does not need, but only while the machine's load average is under 1 (an idle
# host): a serving host allocates so little that these would be its only collections, a concurrent cycle every 20 s
# whose pauses, on a busy machine, stopped the physics for up to 0.35 s. Once a minute the JVM has glibc return freed
# native memory to the kernel (malloc_trim, a few ms: what start-up left behind in the JVM, LLVM and MuJoCo). With
# the renderer's smaller MuJoCo buffer: 386 -> 284 MiB idle after 90 s; no slower.
# The installer's pom.xml passes the same options to the packaged launcher.
SIMCAST_JVM_FLAGS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
SIMCAST_JVM_FLAGS="$SIMCAST_JVM_FLAGS -XX:G1PeriodicGCInterval=20000 -XX:G1PeriodicGCSystemLoadThreshold=1"
SIMCAST_JVM_FLAGS="$SIMCAST_JVM_FLAGS -XX:TrimNativeHeapInterval=60000"
# One malloc arena per thread makes native WebRTC threads balloon the resident size.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The .deb (installer/): dpkg's default xz takes nearly three minutes on Simcast's 180 MB of jars and runtime, zstd
# two seconds for 9 % more; every dpkg since Debian 12 and Ubuntu 21.10 installs it.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-zstd}"
