"""Builds the Python package 'parallax' (python3 -m pip install .).

The extension compiles the library's sources (src/) together with
python/_parallax.c, so it needs only the Debian packages the library
builds with (tools/install-deps.sh) and python3-dev, python3-setuptools
and python3-wheel: no network, no CMake. Offline:

    /usr/bin/python3 -m pip install --no-index --no-build-isolation .
"""
import glob
import os
import re
import subprocess

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
DEPS = ["libutf8proc", "jansson", "gumbo", "sqlite3", "libxxhash", "zlib"]


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args, *DEPS], check=True, capture_output=True,
                             text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return out.split()


def version():
    with open(os.path.join(HERE, "include", "parallax.h"), encoding="utf-8") as f:
        return re.search(r'#define PX_VERSION "([^"]+)"', f.read()).group(1)


# PX_STATIC_LIB: a libparallax.a built by CMake (position independent) to
# link instead of compiling src/ again (the tests use the build's).
prebuilt = os.environ.get("PX_STATIC_LIB")
cflags = pkg_config("--cflags")
libs = pkg_config("--libs") or ["-l" + d.replace("lib", "", 1) if d.startswith("lib") else
                                 "-l" + d for d in DEPS]
def tree(pattern):
    return sorted(os.path.relpath(p, HERE)
                  for p in glob.glob(os.path.join(HERE, pattern), recursive=True))


sources = ["python/_parallax.c"] + ([] if prebuilt else tree("src/**/*.c"))
depends = tree("include/*.h") + ["python/_parallax.map", "setup.py"] + ([prebuilt] if prebuilt else tree("src/**/*.h") +
                                 tree("src/**/*.inc"))

setup(
    name="parallax",
    version=version(),
    description="One news story through every outlet that covered it",
    license="MIT",
    package_dir={"": "python"},
    packages=["parallax"],
    ext_modules=[Extension(
        "parallax._parallax",
        sources=sources,
        depends=depends,
        extra_objects=[prebuilt] if prebuilt else [],
        include_dirs=["include"],
        define_macros=[("_POSIX_C_SOURCE", "200809L"), ("_DEFAULT_SOURCE", None)],
        # the flags of the CMake Release build, so the module runs as fast
        extra_compile_args=["-std=c11", "-O3", "-DNDEBUG", "-Wno-unused-parameter"] + cflags,
        extra_link_args=libs + ["-lstemmer", "-lpthread", "-lm",
                                "-Wl,--version-script=python/_parallax.map"],
    )],
    python_requires=">=3.8",
)
