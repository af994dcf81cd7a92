#!/usr/bin/env bash
# Installs what modelguard needs on Debian 12 (run as root). Idempotent: a
# package that is already present is not fetched again.
#
#   scripts/install-deps.sh            build + test toolchain
#   scripts/install-deps.sh --browser  also chromium (HTML report test)
#   scripts/install-deps.sh --fuzzer   also the sanitizer and libFuzzer runtimes
#   scripts/install-deps.sh --llvm 19  also the LLVM 19 toolchain (Debian 12's
#                                      own), to build for clang-tidy-19
#   scripts/install-deps.sh --package  also what building the .deb needs
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  clang-22 clang-tidy-22 clangd-22 libclang-22-dev llvm-22-dev llvm-22-tools
  nlohmann-json3-dev ninja-build cmake g++ python3 libgtest-dev
  python3-jsonschema python3-yaml git
  # Library headers the lit tests compile against, real APIs rather than
  # mocks: the profile tests under test/checkers/profiles, the database tests
  # and the checker tests' builders, sources and assertion macros.
  libsqlite3-dev libsqlitecpp-dev libpqxx-dev libsoci-dev qtbase5-dev
  qt6-base-dev libpoco-dev libmysqlcppconn-dev libhiredis-dev libleveldb-dev
  librocksdb-dev libcpprest-dev libgrpc++-dev libboost-dev libcpp-httplib-dev
  libpistache-dev libfmt-dev libabsl-dev libjsoncpp-dev libprotobuf-dev
  libgoogle-glog-dev
)
# The LLVM toolchain of one major version: clang (the compiler the module must
# be built with, and Clang's CMake package), clang-tidy, clangd's archives,
# the clang-tidy headers and archives, LLVM's CMake package, lit and FileCheck.
llvm_packages() {
  local v=$1
  echo "clang-$v clang-tidy-$v clangd-$v libclang-$v-dev libclang-cpp$v-dev llvm-$v-dev llvm-$v-tools"
}
while [ $# -gt 0 ]; do
  case "$1" in
    --browser) packages+=(chromium) ;;
    --fuzzer) packages+=(libclang-rt-22-dev) ;;
    --package) packages+=(dpkg-dev file) ;;
    --llvm)
      case "${2:-}" in
        19|22) read -ra extra <<< "$(llvm_packages "$2")"; packages+=("${extra[@]}") ;;
        *) echo "install-deps: --llvm takes 19 or 22, not '${2:-}'" >&2; exit 2 ;;
      esac
      shift ;;
    *) echo "install-deps: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$pkg")
done
# Microsoft's SARIF Multitool (npm), which the driver's SARIF test runs,
# into the repository's .tools/ (not tracked).
install_sarif_multitool() {
  local dir="$root/.tools"
  local tool="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  [ -x "$tool" ] && return 0
  # Any npm will do (a machine may have Node.js from elsewhere, which
  # conflicts with Debian's npm package).
  command -v npm > /dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund @microsoft/sarif-multitool
  chmod u+x "$tool"
}

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages (${missing[*]}); run as root" >&2
    exit 1
  fi
  # Third-party apt sources a machine may carry are not needed and may be
  # unreachable; an update failure on them must not stop the install.
  apt-get update -o Acquire::Retries=3 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=900 "${missing[@]}"
fi
install_sarif_multitool
