# Hearth: `make test` and `make demo` do all the set-up a fresh Debian machine needs.
SWIFT ?= swift
PREFIX ?= /usr/local
# `make bench SYNC_BENCH_DAYS=100000` runs the sync benchmark at the issue's second size.
SYNC_BENCH_DAYS ?= 10000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need, installed only when absent.
APT_PACKAGES := libgit2-dev pkg-config openssh-server zsh fish groff-base man-db python3

.PHONY: all deps build test test-stress demo bench install clean

all: build

deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing" >&2; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The crash and property tests at full size: 120 killed syncs, 200 three-device seeds, 10 editor
# races. Figures go to .build/stress-report.txt and are summed up at the end.
STRESS_KILLS ?= 120
STRESS_SEEDS ?= 200
STRESS_EDITOR_RUNS ?= 10
STRESS_REPORT := $(CURDIR)/.build/stress-report.txt
STRESS_SUITES := SyncKillStressTests|SyncKillTests|SyncPropertyTests|SyncEditorRaceTests|SyncConcurrencyTests|InterruptedWriteTests|SyncBadContentTests|SyncHostileTreeTests|SyncLinkTests|SyncUnicodeNameTests|SyncDiskFullTests|SyncBadRemoteTests|SyncBadInputCLITests
test-stress: deps
	$(SWIFT) build --build-tests
	@rm -f "$(STRESS_REPORT)"
	HEARTH_STRESS_KILLS=$(STRESS_KILLS) HEARTH_STRESS_SEEDS=$(STRESS_SEEDS) HEARTH_STRESS_EDITOR_RUNS=$(STRESS_EDITOR_RUNS) \
		HEARTH_STRESS_REPORT="$(STRESS_REPORT)" \
		$(SWIFT) test --skip-build --filter '$(STRESS_SUITES)'
	@python3 Scripts/stress-summary.py "$(STRESS_REPORT)" --seeds $(STRESS_SEEDS) --kills $(STRESS_KILLS)

demo: build
	@Scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/hearth"

bench: deps
	$(SWIFT) build -c release --product hearth
	python3 Scripts/bench.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	python3 Scripts/bench-sync.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth" --days $(SYNC_BENCH_DAYS)

install: deps
	$(SWIFT) build -c release --product hearth
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/hearth" "$(DESTDIR)$(PREFIX)/bin/hearth"
	Scripts/install-extras.sh "$$($(SWIFT) build -c release --show-bin-path)/hearth" "$(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build
