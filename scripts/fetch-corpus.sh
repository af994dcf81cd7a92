#!/usr/bin/env bash
# Fetches real C++ projects from Debian source packages and configures each
# so that it has a compile_commands.json; prints one "<name> <build dir>"
# line per project. Nothing is built beyond what configuring generates and
# the generated headers the sources include (moc output, D-Bus interfaces,
# schema headers). Two kinds: database client libraries (the store layer)
# and applications with their own persistence code on top of such libraries.
# Third-party source stays outside the repository (default /work/corpus, or
# $MODELGUARD_CORPUS).
#
#   scripts/fetch-corpus.sh [package ...]     (default: all known packages)
set -euo pipefail

CORPUS=${MODELGUARD_CORPUS:-/work/corpus}
LIBRARIES=(leveldb pistache poco soci libpqxx cpprest)
APPLICATIONS=(zoneminder pdns akonadi quassel)
ALL_PACKAGES=("${LIBRARIES[@]}" "${APPLICATIONS[@]}")
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
    # pdns is autotools: bear records the compile commands of a make run.
    # Its Debian build dependencies conflict with zoneminder's (OpenSSL's
    # libcurl against GnuTLS's), and curl is only needed for LUA records.
    pdns) echo "bear bison flex ragel pkg-config libboost-all-dev libluajit-5.1-dev libssl-dev default-libmysqlclient-dev libpq-dev libsqlite3-dev unixodbc-dev" ;;
    # The core (server) only: Qt Core, Network and SQL, and the optional
    # encryption and LDAP authentication it compiles when present.
    quassel) echo "cmake ninja-build qtbase5-dev qttools5-dev qttools5-dev-tools libqca-qt5-2-dev libboost-dev zlib1g-dev libldap2-dev extra-cmake-modules" ;;
  esac
}

# Applications whose whole Debian build dependencies are installed (their
# CMake configuration requires most of them).
uses_build_dep() {
  case "$1" in
    zoneminder|akonadi) return 0 ;;
    *) return 1 ;;
  esac
}

fetch() {
  local name=$1 dir=$CORPUS/$1
  if [ ! -d "$dir/src" ]; then
    mkdir -p "$dir/download"
    if (cd "$dir/download" && apt-get source --download-only "$name" >&2); then
      (cd "$dir/download" && dpkg-source --no-check -x ./*.dsc "$dir/src" >&2)
    elif orig=$(ls "$dir/download"/*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1) &&
         [ -n "$orig" ] && [ "$(ls "$dir/download"/*.orig*.tar.* | grep -vc '\.asc$')" = 1 ]; then
      # The mirror served the upstream tarball but not Debian's packaging:
      # the upstream source, without Debian's patches, is analysed.
      echo "fetch-corpus: '$name': only the upstream tarball was served; using it unpatched" >&2
      mkdir -p "$dir/src"
      tar -xf "$orig" -C "$dir/src" --strip-components=1
    else
      echo "fetch-corpus: the Debian mirror did not serve the source of '$name'" >&2
      rm -rf "$dir/download"
      return 1
    fi
  fi
}

# Builds, in a configured CMake/Ninja tree, only what the sources include
# but configuring does not write: every header a custom command generates
# (D-Bus interfaces, schema headers), then the AUTOMOC/AUTOUIC output of
# every target. The moc and uic steps run directly: through ninja, a
# target's step waits for the libraries the target links to be built.
build_generated_headers() {
  local build=$1 headers autogen
  headers=$(ninja -C "$build" -t targets all |
    sed -n 's/^\([^:]*\.\(h\|hh\|hpp\|inc\)\): CUSTOM_COMMAND$/\1/p' | sort -u)
  # shellcheck disable=SC2086
  [ -z "$headers" ] || ninja -C "$build" -k 0 $headers >&2 || true
  autogen=$(ninja -C "$build" -t targets all | sed -n 's/^\([^:]*_autogen\): phony$/\1/p')
  # shellcheck disable=SC2086
  [ -z "$autogen" ] || ninja -C "$build" -t commands $autogen |
    grep -E 'cmake(.exe)? -E cmake_auto(gen|rcc) ' | sort -u |
    while read -r step; do sh -c "$step" >&2 || true; done
}

# A compile database for a make-based build: bear records each compiler
# command of `make -k` while a stand-in compiler (the one below) only
# creates the files the command names, so nothing is compiled; generators
# (bison, protoc, scripts) run as usual. The commands name the real g++/gcc.
record_make_commands() {
  local src=$1 build=$2 fake=$2/fake-compiler
  mkdir -p "$fake"
  cat > "$fake/stand-in" <<'STANDIN'
#!/bin/sh
# Creates the outputs a compiler command names (-o FILE, -MF FILE) empty.
while [ $# -gt 0 ]; do
  case "$1" in -o|-MF) shift; mkdir -p "$(dirname "$1")"; : > "$1" ;; esac
  shift
done
exit 0
STANDIN
  chmod +x "$fake/stand-in"
  ln -sf stand-in "$fake/g++"
  ln -sf stand-in "$fake/gcc"
  (cd "$src" && bear --output "$build/compile_commands.json" -- \
     make -k -j2 CC="$fake/gcc" CXX="$fake/g++" >&2) || true
  sed -i -e "s|$fake/g++|/usr/bin/g++|g" -e "s|$fake/gcc|/usr/bin/gcc|g" \
    "$build/compile_commands.json"
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
    zoneminder)
      # Debian's rules put the source package's extra components where the
      # upstream tree has git submodules; CMake checks that they are there.
      cp -a "$src/RtspServer/." "$src/dep/RtspServer/"
      mkdir -p "$src/web/api/app/Plugin/Crud" "$src/web/api/app/Plugin/CakePHP-Enum-Behavior"
      cp -a "$src/Crud/." "$src/web/api/app/Plugin/Crud/"
      cp -a "$src/CakePHP-Enum-Behavior/." "$src/web/api/app/Plugin/CakePHP-Enum-Behavior/"
      rm -rf "$build"
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DZM_SYSTEMD=OFF -DZM_NO_X10=ON \
        -DBUILD_MAN=OFF >&2 || return 1
      build_generated_headers "$build" ;;
    pdns)
      # The authoritative server with its generic SQL backends (MySQL,
      # PostgreSQL, SQLite 3, ODBC) and the bind backend built in.
      mkdir -p "$build"
      (cd "$src" && ./configure --with-modules="bind gmysql gpgsql gsqlite3 godbc" \
         --with-dynmodules="" --disable-lua-records --enable-tools \
         --disable-silent-rules >&2) || return 1
      record_make_commands "$src" "$build" ;;
    akonadi)
      rm -rf "$build"
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DBUILD_TESTING=OFF >&2 || return 1
      build_generated_headers "$build" ;;
    quassel)
      rm -rf "$build"
      cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DWANT_CORE=ON -DWANT_QTCLIENT=OFF -DWANT_MONO=OFF -DBUILD_TESTING=OFF \
        -DWITH_KDE=OFF -DWITH_WEBENGINE=OFF -DUSE_CCACHE=OFF >&2 || return 1
      build_generated_headers "$build" ;;
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
  DEBIAN_FRONTEND=noninteractive apt-get install -o DPkg::Lock::Timeout=900 -y \
    --no-install-recommends "${deps[@]}" >&2
fi
for name in "${packages[@]}"; do
  if uses_build_dep "$name"; then
    DEBIAN_FRONTEND=noninteractive apt-get build-dep -o DPkg::Lock::Timeout=900 -y \
      "$name" >&2 || echo "fetch-corpus: build dependencies of '$name' not installed" >&2
  fi
done
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
