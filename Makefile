# A thin wrapper around CMake so a newcomer types one word.
#   make          install dependencies, build, and run the main job on examples/
#   make check    install the test tools too, build and run every test
#                 (normal and ASan+UBSan builds, pytest, install test)
#   make asan     sanitizer build only;  make fuzz  libFuzzer targets (clang)
#   make fuzz-long  every fuzz target for FUZZ_SECONDS (600) each, two at a time
#   make bench    benchmarks (see bench/README.md)
#   make install PREFIX=DIR   (default /usr/local; DESTDIR honoured)
#   make uninstall PREFIX=DIR
JOBS ?= 2
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
ifdef CI
CMAKE_FLAGS += -DPX_WERROR=ON
endif

FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2

.PHONY: all deps test-deps build example check test asan fuzz fuzz-long bench clean install uninstall

all: build example

deps:
	@./tools/install-deps.sh build

test-deps:
	@./tools/install-deps.sh test

build: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS)

example: build
	./build/parallax report examples/story -o examples/report.html --format html
	./build/parallax report examples/story --format md

test: test-deps build
	cd build && ctest --output-on-failure -j $(JOBS)

asan: test-deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPX_SANITIZE=ON -DPX_ALLOC_TEST=ON -DCMAKE_C_COMPILER=clang $(CMAKE_FLAGS) >/dev/null
	@cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

check: test asan

fuzz: test-deps
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPX_FUZZ=ON -DCMAKE_C_COMPILER=clang >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@echo "run e.g.: ./build-fuzz/fuzz/fuzz_doc fuzz/corpus/fuzz_doc -max_total_time=60"

fuzz-long: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) ./tools/fuzz-long.sh

install: build
	cmake --install build --prefix $(PREFIX)

# Removes what 'make install PREFIX=...' put there: the list comes from an
# install into a scratch folder, so it needs no record of earlier installs.
uninstall: build
	@tmp=$$(mktemp -d) && DESTDIR=$$tmp cmake --install build --prefix $(PREFIX) >/dev/null && \
	  (cd $$tmp && find . ! -type d | sed 's|^\.||') | while read -r f; do \
	    if [ -e "$(DESTDIR)$$f" ] || [ -L "$(DESTDIR)$$f" ]; then echo "rm $(DESTDIR)$$f"; rm -f "$(DESTDIR)$$f"; fi; \
	  done; \
	  rmdir "$(DESTDIR)$(PREFIX)/share/doc/parallax" "$(DESTDIR)$(PREFIX)/share/parallax/schema" \
	    "$(DESTDIR)$(PREFIX)/share/parallax" 2>/dev/null; rm -rf $$tmp; true

bench: test-deps build
	./bench/run.sh

clean:
	rm -rf build build-asan build-fuzz
