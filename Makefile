# Hearth: `make test` and `make demo` do all the set-up a fresh Debian machine needs.
SWIFT ?= swift
PREFIX ?= /usr/local
# `make bench SYNC_BENCH_DAYS=100000` runs the sync benchmark at the issue's second size.
SYNC_BENCH_DAYS ?= 10000
# `make bench GROWTH_ROUNDS=1500` runs the growth benchmark (issue #13) shorter than its 10,000 rounds.
GROWTH_ROUNDS ?= 10000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages, each set installed only when absent. Building and installing hearth needs
# libgit2 and pkg-config; the man page comes from swift-argument-parser's GenerateManual plugin.
BUILD_PACKAGES := libgit2-dev pkg-config
# What the demo and the benchmarks add: they drive the git CLI, and the benchmarks are Python.
DEMO_PACKAGES := git python3
# What the tests add: they also run sshd and openssl servers, and try the completions and the man
# page in the real zsh, fish, groff and man, and drive the real vim and nano under tmux. The
# hostile-network tests build network namespaces with ip, put faults on them with nft and tc, and
# turn off veth offloads with ethtool. The HTML review is opened in headless chromium, which is
# shown only fonts-dejavu-core's faces so that screenshots match on every machine. A folder remote
# on a USB stick is tried on a real exFAT image (exfatprogs formats it, exfat-fuse mounts it).
# `make test` on a fresh machine installs all three sets.
TEST_PACKAGES := openssh-server openssl zsh fish groff-base man-db vim nano tmux iproute2 nftables ethtool chromium fonts-dejavu-core \
	exfatprogs exfat-fuse

.PHONY: all deps demo-deps test-deps build test test-stress test-network demo bench install clean

all: build

# $(call apt-install,PACKAGES): apt-get installs those of PACKAGES that are not installed yet.
define apt-install
	@missing=""; \
	for package in $(1); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing" >&2; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt-install,$(BUILD_PACKAGES))

# Each set builds on the one before, so no two apt-get runs overlap under make -j.
demo-deps: deps
	$(call apt-install,$(DEMO_PACKAGES))

test-deps: demo-deps
	$(call apt-install,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build

# The man page tests run the tool the GenerateManual plugin builds (next to the debug hearth).
# The DocC catalogues are built too (warnings are errors), so a doc comment that links to what
# moved or is no longer public fails here rather than when someone next runs `make docs`.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) package plugin generate-manual --configuration debug > /dev/null
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory docs

# The crash and property tests at full size: 120 killed syncs, 200 three-device seeds, 10 editor
# races. Figures go to .build/stress-report.txt and are summed up at the end.
STRESS_KILLS ?= 120
STRESS_SEEDS ?= 200
STRESS_EDITOR_RUNS ?= 10
STRESS_DEVICE_ROUNDS ?= 200
STRESS_REPORT := $(CURDIR)/.build/stress-report.txt
STRESS_SUITES := SyncKillStressTests|SyncKillTests|SyncPropertyTests|SyncEditorRaceTests|SyncConcurrencyTests|InterruptedWriteTests|SyncBadContentTests|SyncHostileTreeTests|SyncLinkTests|SyncUnicodeNameTests|SyncDiskFullTests|SyncBadRemoteTests|SyncBadInputCLITests|ManyDevicesSyncTests
test-stress: test-deps
	$(SWIFT) build --build-tests
	@rm -f "$(STRESS_REPORT)"
	HEARTH_STRESS_KILLS=$(STRESS_KILLS) HEARTH_STRESS_SEEDS=$(STRESS_SEEDS) HEARTH_STRESS_EDITOR_RUNS=$(STRESS_EDITOR_RUNS) \
		HEARTH_STRESS_DEVICE_ROUNDS=$(STRESS_DEVICE_ROUNDS) \
		HEARTH_STRESS_REPORT="$(STRESS_REPORT)" \
		$(SWIFT) test --skip-build --filter '$(STRESS_SUITES)'
	@python3 Scripts/stress-summary.py "$(STRESS_REPORT)" --seeds $(STRESS_SEEDS) --kills $(STRESS_KILLS)

# The hostile-network tests at the issue's sizes: 30% loss over five rounds, 2 s of latency with
# jitter, the link cut mid-push of 2 MB for 3 s and for 12 s on ssh and https, and a 5 MB
# attachment at 64 kbit/s (about 11 minutes on its own). Root only (network namespaces); what
# each fault did goes to .build/network-report.txt and is printed at the end.
NETWORK_REPORT := $(CURDIR)/.build/network-report.txt
test-network: test-deps
	$(SWIFT) build --build-tests
	@rm -f "$(NETWORK_REPORT)"
	HEARTH_NETWORK_FULL=1 HEARTH_NETWORK_REPORT="$(NETWORK_REPORT)" $(SWIFT) test --skip-build --filter HostileNetworkTests
	@cat "$(NETWORK_REPORT)"

demo: demo-deps build
	@Scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/hearth"

# The scripts time whole commands against grep and git; the micro-benchmarks (Benchmarks/, on
# package-benchmark) count instructions and mallocs per call of the scanner, the query, the entry
# merge and the history walk. They are a package of their own, so `make test` never builds them.
# The growth benchmark comes last: 10,000 rounds of two devices syncing take hours, and it exits
# non-zero when a goal of issue #13 is missed.
bench: demo-deps
	$(SWIFT) build -c release --product hearth
	python3 Scripts/bench.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	python3 Scripts/bench-sync.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth" --days $(SYNC_BENCH_DAYS)
	python3 Scripts/bench-encrypted.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	python3 Scripts/bench-history.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	python3 Scripts/bench-floor.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	python3 Scripts/bench-review-html.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth"
	$(SWIFT) package --package-path Benchmarks benchmark --no-progress
	python3 Scripts/bench-growth.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth" --rounds $(GROWTH_ROUNDS) --csv .build/bench-growth.csv

# Three devices running the real `hearth watch` against one folder remote for SOAK_MINUTES while a
# writer per device saves like an editor; exits non-zero when a line is lost, the devices differ, a
# conflict or an fsck error appears, or a watcher's memory grows. Not part of `make test` (a
# 30-second run of it is). Ledger, logs, RSS samples and report go to .build/soak.
SOAK_MINUTES ?= 20
.PHONY: soak
soak: demo-deps
	$(SWIFT) build -c release --product hearth
	python3 Scripts/soak.py --hearth "$$($(SWIFT) build -c release --show-bin-path)/hearth" --minutes $(SOAK_MINUTES)

# Where `swift package plugin generate-manual` (swift-argument-parser's GenerateManual plugin)
# writes hearth.1. It builds the package in release mode, as the line before it just did, and
# reads the binary's own description of its commands; SOURCE_DATE_EPOCH, when set, dates the page.
MAN_PAGE := .build/plugins/GenerateManual/outputs/hearth/hearth.1
MAN_DATE = $(if $(SOURCE_DATE_EPOCH),--date "$$(date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%d)")

install: deps
	$(SWIFT) build -c release --product hearth
	$(SWIFT) package plugin generate-manual $(MAN_DATE)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/hearth" "$(DESTDIR)$(PREFIX)/bin/hearth"
	Scripts/install-extras.sh "$$($(SWIFT) build -c release --show-bin-path)/hearth" "$(MAN_PAGE)" "$(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build

# The DocC catalogues of the libraries an app uses, one archive each under .build/docs; a doc
# warning (a broken ``link``, an undocumented parameter) fails the build.
DOCS_TARGETS := NoteKit MergeKit SyncKit
DOCS_DIR := $(CURDIR)/.build/docs
.PHONY: docs
docs: deps
	@mkdir -p "$(DOCS_DIR)"
	@for target in $(DOCS_TARGETS); do \
		$(SWIFT) package --allow-writing-to-directory "$(DOCS_DIR)" generate-documentation --target $$target \
			--output-path "$(DOCS_DIR)/$$target.doccarchive" --warnings-as-errors || exit 1; \
	done

# `make fuzz`: each libFuzzer target (Tests/FuzzChecks) for FUZZ_SECONDS, starting from its
# committed seeds and regressions under Fixtures/fuzz/<target>/. The sanitized build, the corpus
# it grows, the logs and any failing input stay under .build/fuzz; a failing input, minimised
# (`-minimize_crash=1`), belongs in Fixtures/fuzz/<target>/regressions, which `make test` replays
# (FuzzTests) without the sanitizers.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= front-matter entry-merge sections conflict-markers known-hosts import-jrnl import-dayone remote-url
FUZZ_DIR := $(CURDIR)/.build/fuzz
# SwiftPM's `--sanitize=fuzzer --sanitize=address` hands swiftc two -sanitize flags, and the last
# one wins: the Swift code would get no coverage counters. One -sanitize=fuzzer,address does both.
FUZZ_BUILD := $(SWIFT) build --scratch-path "$(FUZZ_DIR)" --product hearth-fuzz --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xcc -DHEARTH_LIBFUZZER
.PHONY: fuzz
fuzz: deps
	$(FUZZ_BUILD)
	@binary="$$($(FUZZ_BUILD) --show-bin-path)/hearth-fuzz"; failed=""; \
	for target in $(FUZZ_TARGETS); do \
		mkdir -p "$(FUZZ_DIR)/corpus/$$target" "$(FUZZ_DIR)/findings/$$target"; \
		echo "== $$target: $(FUZZ_SECONDS) s, log in $(FUZZ_DIR)/$$target.log"; \
		HEARTH_FUZZ_TARGET=$$target SWIFT_BACKTRACE=enable=no "$$binary" -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix="$(FUZZ_DIR)/findings/$$target/" "$(FUZZ_DIR)/corpus/$$target" \
			$$(ls -d Fixtures/fuzz/$$target/seeds Fixtures/fuzz/$$target/regressions 2>/dev/null) \
			> "$(FUZZ_DIR)/$$target.log" 2>&1 || failed="$$failed $$target"; \
		grep -E "DONE|stat::number_of_executed_units|stat::average_exec_per_sec|^SUMMARY|Fatal error" "$(FUZZ_DIR)/$$target.log"; \
	done; \
	if [ -n "$$failed" ]; then echo "Findings in:$$failed (inputs in $(FUZZ_DIR)/findings/<target>)" >&2; exit 1; fi
