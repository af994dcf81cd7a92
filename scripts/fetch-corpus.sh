#!/usr/bin/env bash
# Fetches real C++ projects from Debian source packages and configures each
# so that it has a compile_commands.json; prints one "<name> <build dir>"
# line per project. Nothing is built beyond what configuring generates.
# Third-party source stays outside the repository (default /work/corpus, or
# $MODELGUARD_CORPUS).
#
#   scripts/fetch-corpus.sh [package ...]     (default: all known packages)
set -euo pipefail

CORPUS=${MODELGUARD_CORPUS:-/work/corpus}
ALL_PACKAGES=(leveldb pistache poco soci libpqxx cpprest)
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=("${ALL_PACKAGES[@]}")

# apt-get source needs a deb-src entry for bookworm.
ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ &&
     ! grep -qs '^deb-src' /etc/apt/sources.list; then
    cat > /etc/apt/sources.list.d/modelguard-deb-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -o Acquire::Retries=3 >&2 || true
  fi
}

# Build dependencies the configure steps need (headers, cmake modules).
build_deps() {
  case "$1" in
    leveldb) echo "libsnappy-dev" ;;
    pistache) echo "meson ninja-build pkg-config cmake rapidjson-dev libssl-dev libhowardhinnant-date-dev" ;;
    # Poco 1.11 looks for PCRE 1 (libpcre3), not PCRE2.
    poco) echo "libssl-dev libexpat1-dev libpcre3-dev zlib1g-dev libsqlite3-dev libpq-dev" ;;
    soci) echo "libsqlite3-dev libpq-dev libboost-dev" ;;
    libpqxx) echo "libpq-dev" ;;
    cpprest) echo "libboost-all-dev libssl-dev zlib1g-dev libwebsocketpp-dev" ;;
  esac
}

fetch() {
  local name=$1 dir=$CORPUS/$1
  if [ ! -d "$dir/src" ]; then
    mkdir -p "$dir/download"
    if ! (cd "$dir/download" && apt-get source --download-only "$name" >&2); then
      echo "fetch-corpus: the Debian mirror did not serve the source of '$name'" >&2
      return 1
    fi
    (cd "$dir/download" && dpkg-source --no-check -x ./*.dsc "$dir/src" >&2)
  fi
}

configure() {
  local name=$1 src=$CORPUS/$1/src build=$CORPUS/$1/build
  [ -f "$build/compile_commands.json" ] && return 0
  case "$name" in
    pistache)
      # A failed earlier setup leaves a build directory meson refuses to reuse.
      rm -rf "$build"
      meson setup "$build" "$src" -DPISTACHE_USE_SSL=false -DPISTACHE_BUILD_TESTS=false \
        -DPISTACHE_BUILD_EXAMPLES=false -DPISTACHE_BUILD_DOCS=false >&2 ;;
    leveldb)
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DCMAKE_CXX_STANDARD=17 -DLEVELDB_BUILD_TESTS=OFF -DLEVELDB_BUILD_BENCHMARKS=OFF >&2 ;;
    poco)
      # Foundation, Net and Data (with its SQLite and PostgreSQL connectors)
      # only. A configure that failed half-way leaves a cache behind.
      rm -rf "$build"
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DPOCO_UNBUNDLED=ON -DENABLE_TESTS=OFF \
        -DENABLE_FOUNDATION=ON -DENABLE_NET=ON -DENABLE_DATA=ON \
        -DENABLE_DATA_SQLITE=ON -DENABLE_DATA_POSTGRESQL=ON -DENABLE_DATA_MYSQL=OFF \
        -DENABLE_DATA_ODBC=OFF -DENABLE_XML=OFF -DENABLE_JSON=OFF -DENABLE_UTIL=OFF \
        -DENABLE_ZIP=OFF -DENABLE_ENCODINGS=OFF -DENABLE_ACTIVERECORD=OFF \
        -DENABLE_ACTIVERECORD_COMPILER=OFF -DENABLE_MONGODB=OFF -DENABLE_REDIS=OFF \
        -DENABLE_PDF=OFF -DENABLE_APACHECONNECTOR=OFF -DENABLE_NETSSL=OFF \
        -DENABLE_CRYPTO=OFF -DENABLE_JWT=OFF -DENABLE_PAGECOMPILER=OFF \
        -DENABLE_PAGECOMPILER_FILE2PAGE=OFF >&2 ;;
    soci)
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DSOCI_TESTS=OFF -DWITH_SQLITE3=ON -DWITH_POSTGRESQL=ON -DWITH_MYSQL=OFF \
        -DWITH_ODBC=OFF -DWITH_ORACLE=OFF -DWITH_FIREBIRD=OFF -DWITH_DB2=OFF >&2 ;;
    libpqxx)
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DSKIP_BUILD_TEST=ON -DBUILD_DOC=OFF >&2 ;;
    cpprest)
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DBUILD_TESTS=OFF -DBUILD_SAMPLES=OFF -DCPPREST_EXCLUDE_WEBSOCKETS=ON \
        -DWERROR=OFF >&2 ;;
    *) echo "fetch-corpus: unknown package '$name'" >&2; return 1 ;;
  esac
}

ensure_deb_src
deps=()
for name in "${packages[@]}"; do
  for dep in $(build_deps "$name"); do
    dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q 'install ok installed' || deps+=("$dep")
  done
done
if [ ${#deps[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${deps[@]}" >&2
fi
status=0
for name in "${packages[@]}"; do
  if fetch "$name" && configure "$name"; then
    echo "$name $CORPUS/$name/build"
  else
    echo "fetch-corpus: $name could not be fetched or configured" >&2
    status=1
  fi
done
exit $status
