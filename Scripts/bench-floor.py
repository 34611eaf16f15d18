#!/usr/bin/env python3
"""`make bench` (the floor): what any program pays before it does hearth's work, on this machine,
with the stack hearth must use (Swift 6 with Foundation, Debian's shared libgit2), against the git
commands issue #13 compares hearth with (`git show REV:PATH`, `git log -n 50`), on the ten-year
notebook of bench-history.py (its cache, copied: the cache is never changed).

Small programs are built in a temporary folder and timed with git and hearth, alternating, after
one warm-up each: CPU time (user + system, from wait4) is the figure, median of --runs rounds.
  - C: an empty program; the same linked against libgit2 (no call); `git show REV:PATH` written
    with libgit2 (git_libgit2_init, open, revparse, the blob to stdout), as Debian's libgit2 sets
    itself up and as GitKit sets it up (`Libgit2+Linux.swift`: the system certificates not parsed
    and libssh2 not set up by the initialisation, as a local command needs neither); `git log -n
    50` written with libgit2, set up as GitKit does, and `git log -n 50 --stat` the same way (each
    commit diffed with libgit2's diff, renames found, its stats printed: what `hearth log -n 50`
    is compared with).
  - Swift, linked as hearth's release build is (`-static-stdlib`, lld, relative relocations packed
    where glibc reads them): an empty program, one touching Foundation, the same linked against
    libgit2 (no call), and `git show REV:PATH` with libgit2 from Swift.
The C rows set up as GitKit does are the floor of `show --at` and `log -n 50` with the mandated
libgit2: when they are over 1.5x git, no program using that library meets the goal."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

C_EMPTY = "int main(void) { return 0; }\n"

C_SHOW = r"""#include <git2.h>
#include <stdio.h>
int main(int argc, char **argv) {
    if (argc != 2) return 2;
    git_libgit2_init();
    git_repository *repo; git_object *object;
    if (git_repository_open_ext(&repo, ".", 0, NULL) < 0 || git_revparse_single(&object, repo, argv[1]) < 0
        || git_object_type(object) != GIT_OBJECT_BLOB) return 1;
    const git_blob *blob = (const git_blob *)object;
    fwrite(git_blob_rawcontent(blob), 1, (size_t)git_blob_rawsize(blob), stdout);
    return 0;
}
"""

# `git log -n 50` in git's default order (a queue by commit date), walked by hand with libgit2
# lookups: git_revwalk reads the whole history before the first commit even unsorted (libgit2 1.5).
C_LOG = r"""#include <git2.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#define MAX 4096
static git_commit *queue[MAX]; static int queued;
static git_oid seen[MAX]; static int seen_count;
static int was_seen(const git_oid *oid) { for (int i = 0; i < seen_count; i++) if (!git_oid_cmp(&seen[i], oid)) return 1; seen[seen_count++] = *oid; return 0; }
static void push(git_commit *c) { queue[queued++] = c; }
static git_commit *pop(void) {
    int best = 0;
    for (int i = 1; i < queued; i++) if (git_commit_time(queue[i]) > git_commit_time(queue[best])) best = i;
    git_commit *c = queue[best]; queue[best] = queue[--queued]; return c;
}
int main(void) {
    git_libgit2_init();
    git_repository *repo; git_oid head; git_commit *commit;
    if (git_repository_open_ext(&repo, ".", 0, NULL) < 0 || git_reference_name_to_id(&head, repo, "HEAD") < 0
        || git_commit_lookup(&commit, repo, &head) < 0) return 1;
    was_seen(&head); push(commit);
    for (int count = 0; count < 50 && queued; count++) {
        commit = pop();
        for (unsigned i = 0; i < git_commit_parentcount(commit); i++) {
            const git_oid *parent = git_commit_parent_id(commit, i); git_commit *p;
            if (!was_seen(parent) && git_commit_lookup(&p, repo, parent) == 0) push(p);
        }
        const git_signature *author = git_commit_author(commit);
        char hex[GIT_OID_HEXSZ + 1], date[64];
        time_t when = (time_t)author->when.time + author->when.offset * 60;
        strftime(date, sizeof date, "%a %b %-d %H:%M:%S %Y", gmtime(&when));
        printf("commit %s\nAuthor: %s <%s>\nDate:   %s %+05d\n\n    %s\n", git_oid_tostr(hex, sizeof hex, git_commit_id(commit)),
               author->name, author->email, date, author->when.offset / 60 * 100 + author->when.offset % 60, git_commit_message(commit));
    }
    return 0;
}
"""

# `git log -n 50 --stat` the same way: each commit with one parent diffed against it (rename
# detection on, as git's diff.renames default), its stats printed as git prints them; a merge
# shows no diff, as in git's default. Every file diff is a blob read and a line diff: the floor
# of `hearth log -n 50`, which tells each change in words and so reads both versions too.
C_LOG_STAT = C_LOG.replace("""git_commit_message(commit));
""", """git_commit_message(commit));
        if (git_commit_parentcount(commit) == 1) {
            git_commit *parent; git_tree *old_tree, *new_tree; git_diff *diff; git_diff_stats *stats; git_buf buf = GIT_BUF_INIT;
            if (git_commit_parent(&parent, commit, 0) < 0 || git_commit_tree(&old_tree, parent) < 0 || git_commit_tree(&new_tree, commit) < 0
                || git_diff_tree_to_tree(&diff, repo, old_tree, new_tree, NULL) < 0 || git_diff_find_similar(diff, NULL) < 0
                || git_diff_get_stats(&stats, diff) < 0 || git_diff_stats_to_buf(&buf, stats, GIT_DIFF_STATS_FULL, 80) < 0) return 1;
            fwrite(buf.ptr, 1, buf.size, stdout);
            git_buf_dispose(&buf); git_diff_stats_free(stats); git_diff_free(diff); git_tree_free(old_tree); git_tree_free(new_tree); git_commit_free(parent);
        }
""")

# `hearth status` with nothing waiting, as it reads: the work tree against the index (HEAD and the
# index known to be the same, as hearth's memo knows them; the status below skips that half), the
# paths listed, then how HEAD stands against the remote-tracking branch. `git status` does both
# halves and the same count.
C_STATUS = r"""#include <git2.h>
#include <stdio.h>
int main(void) {
    git_libgit2_init();
    git_repository *repo; git_status_list *list; git_oid head, upstream; size_t ahead, behind;
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
        | GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_NO_REFRESH;
    if (git_repository_open_ext(&repo, ".", 0, NULL) < 0 || git_status_list_new(&list, repo, &options) < 0) return 1;
    for (size_t i = 0; i < git_status_list_entrycount(list); i++) {
        const git_status_entry *entry = git_status_byindex(list, i);
        printf("%s\n", entry->index_to_workdir->new_file.path);
    }
    if (git_reference_name_to_id(&head, repo, "HEAD") < 0 || git_reference_name_to_id(&upstream, repo, "refs/remotes/origin/main") < 0
        || git_graph_ahead_behind(&ahead, &behind, repo, &head, &upstream) < 0) return 1;
    printf("%zu ahead, %zu behind\n", ahead, behind);
    return 0;
}
"""

# What GitKit does on Linux: the program's definitions of mbedTLS's and libssh2's functions are the
# ones libgit2's initialisation calls, so the system bundle is not parsed and libssh2 (with OpenSSL's
# libcrypto) not set up (a local read never connects).
C_AS_GITKIT = ("int mbedtls_x509_crt_parse_file(void *chain, const char *path) { (void)chain; (void)path; return 0; }\n"
               "int libssh2_init(int flags) { (void)flags; return 0; }\n")

# The same from Swift (what `Libgit2+Linux.swift` does), with the imports a Swift floor program needs.
SWIFT_AS_GITKIT = """import Cgit2
import Foundation
@_cdecl("mbedtls_x509_crt_parse_file") public func noCertificates(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 { 0 }
@_cdecl("libssh2_init") public func noSSH(_ flags: Int32) -> Int32 { 0 }
"""

SWIFT_STATUS = SWIFT_AS_GITKIT + """if ProcessInfo.processInfo.environment["HEARTH_FLOOR_NEVER_SET"] != nil { print(FileManager.default.currentDirectoryPath) }
git_libgit2_init()
var repository: OpaquePointer?
var list: OpaquePointer?
var options = git_status_options()
git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
    | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_NO_REFRESH.rawValue
guard git_repository_open_ext(&repository, ".", 0, nil) == 0, git_status_list_new(&list, repository, &options) == 0 else { exit(1) }
for index in 0..<git_status_list_entrycount(list) {
    print(String(cString: git_status_byindex(list, index).pointee.index_to_workdir.pointee.new_file.path))
}
var head = git_oid(), upstream = git_oid()
var ahead = 0, behind = 0
guard git_reference_name_to_id(&head, repository, "HEAD") == 0, git_reference_name_to_id(&upstream, repository, "refs/remotes/origin/main") == 0,
      git_graph_ahead_behind(&ahead, &behind, repository, &head, &upstream) == 0 else { exit(1) }
print("\\(ahead) ahead, \\(behind) behind")
"""

SWIFT_EMPTY = "// The Swift runtime's start-up alone.\n"

SWIFT_FOUNDATION = """import Foundation
if ProcessInfo.processInfo.environment["HEARTH_FLOOR_NEVER_SET"] != nil { print(FileManager.default.currentDirectoryPath) }
"""

SWIFT_FOUNDATION_LIBGIT2 = """import Cgit2
import Foundation
if ProcessInfo.processInfo.environment["HEARTH_FLOOR_NEVER_SET"] != nil { print(FileManager.default.currentDirectoryPath, git_libgit2_init()) }
"""

SWIFT_SHOW = SWIFT_AS_GITKIT + """if ProcessInfo.processInfo.environment["HEARTH_FLOOR_NEVER_SET"] != nil { print(FileManager.default.currentDirectoryPath) }
git_libgit2_init()
var repository: OpaquePointer?
var object: OpaquePointer?
guard git_repository_open_ext(&repository, ".", 0, nil) == 0,
      git_revparse_single(&object, repository, CommandLine.arguments[1]) == 0 else { exit(1) }
fwrite(git_blob_rawcontent(object), 1, Int(git_blob_rawsize(object)), stdout)
"""


def run(command, cwd=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[:3000]}")
    return result.stdout


def packed_relocations():
    """Whether hearth's release build packs its relative relocations here (Package.swift: glibc 2.36 or later)."""
    version = (os.confstr("CS_GNU_LIBC_VERSION") or "").split(" ")[-1].split(".")
    return len(version) >= 2 and all(part.isdigit() for part in version[:2]) and (int(version[0]), int(version[1])) >= (2, 36)


def build(folder):
    """The floor programs, by name: (description, path)."""
    def write(name, text):
        path = os.path.join(folder, name)
        with open(path, "w") as handle:
            handle.write(text)
        return path
    modules = os.path.join(folder, "Cgit2")
    os.makedirs(modules)
    write("Cgit2/module.modulemap", 'module Cgit2 [system] {\n    header "shim.h"\n    link "git2"\n    export *\n}\n')
    write("Cgit2/shim.h", "#include <git2.h>\n")
    out = lambda name: os.path.join(folder, name)
    cc = os.environ.get("CC", "cc")
    run([cc, "-O2", "-o", out("c-empty"), write("empty.c", C_EMPTY)])
    run([cc, "-O2", "-o", out("c-libgit2"), write("empty-libgit2.c", C_EMPTY), "-Wl,--no-as-needed", "-lgit2"])
    run([cc, "-O2", "-o", out("c-show"), write("show.c", C_SHOW), "-lgit2"])
    run([cc, "-O2", "-o", out("c-show-as-gitkit"), write("show-as-gitkit.c", C_AS_GITKIT + C_SHOW), "-lgit2"])
    run([cc, "-O2", "-o", out("c-log-as-gitkit"), write("log-as-gitkit.c", C_AS_GITKIT + C_LOG), "-lgit2"])
    run([cc, "-O2", "-o", out("c-log-stat-as-gitkit"), write("log-stat-as-gitkit.c", C_AS_GITKIT + C_LOG_STAT), "-lgit2"])
    run([cc, "-O2", "-o", out("c-status-as-gitkit"), write("status-as-gitkit.c", C_AS_GITKIT + C_STATUS), "-lgit2"])
    swiftc = ["swiftc", "-O", "-static-stdlib", "-use-ld=lld", "-I", modules]
    if packed_relocations():
        swiftc += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    run(swiftc + ["-o", out("swift-empty"), write("empty.swift", SWIFT_EMPTY)])
    run(swiftc + ["-o", out("swift-foundation"), write("foundation.swift", SWIFT_FOUNDATION)])
    run(swiftc + ["-o", out("swift-foundation-libgit2"), write("foundation-libgit2.swift", SWIFT_FOUNDATION_LIBGIT2)])
    run(swiftc + ["-o", out("swift-show"), write("show.swift", SWIFT_SHOW)])
    run(swiftc + ["-o", out("swift-status"), write("status.swift", SWIFT_STATUS)])


def cpu(command, env):
    """CPU seconds (user + system) of one run in the current folder, started with posix_spawn (no
    fork of this process whose page faults the child would pay), stdout to /dev/null."""
    with open(os.devnull, "w") as devnull:
        pid = os.posix_spawnp(command[0], command, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull.fileno(), 1)])
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark command failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cache", default=os.path.join(os.path.dirname(HERE), ".build", "bench-history"),
                        help="where bench-history.py keeps the generated history")
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    generated = run([sys.executable, os.path.join(HERE, "generate-history.py"), args.cache, "--hearth", hearth,
                     "--days", str(args.days)]).strip().splitlines()[-1]
    work = tempfile.mkdtemp(prefix="hearth-bench-floor.")
    try:
        home = os.path.join(work, "home")
        shutil.copytree(os.path.join(generated, "home"), home)
        env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C", GIT_PAGER="cat", PAGER="cat")
        laptop = os.path.join(work, "laptop")
        run(["cp", "-a", os.path.join(generated, "laptop"), laptop])
        # As bench-history.py: the commit graph hearth's maintenance writes, which libgit2 reads.
        run(["git", "-c", "commitGraph.generationVersion=1", "commit-graph", "write", "--reachable", "--changed-paths"], laptop, env)
        run(["git", "update-index", "-q", "--really-refresh"], laptop, env)
        old_note, note = "notes/reading/books.md", "notes/reading/books-and-papers.md"
        revs = run(["git", "log", "--format=%H", "--", old_note], laptop, env).split()
        rev = revs[len(revs) // 3]  # bench-history.py's rev_a
        show = f"{rev}:{old_note}"
        programs = os.path.join(work, "programs")
        os.makedirs(programs)
        build(programs)
        p = lambda name: os.path.join(programs, name)
        expected = run(["git", "show", show], laptop, env)
        for name in ("c-show", "c-show-as-gitkit", "swift-show"):
            if run([p(name), show], laptop, env) != expected:
                sys.exit(f"{name} does not print what git show prints")
        rows = [
            ("C, empty", [p("c-empty")]),
            ("C, linked against libgit2 (no call)", [p("c-libgit2")]),
            ("C + libgit2: git show REV:PATH", [p("c-show"), show]),
            ("C + libgit2: git show REV:PATH, set up as GitKit does", [p("c-show-as-gitkit"), show]),
            ("C + libgit2: git log -n 50 (walked by commit date), set up as GitKit does", [p("c-log-as-gitkit")]),
            ("C + libgit2: git log -n 50 --stat (the same walk, each commit's diff and stats), set up as GitKit does",
             [p("c-log-stat-as-gitkit")]),
            ("Swift static, empty", [p("swift-empty")]),
            ("Swift static + Foundation", [p("swift-foundation")]),
            ("Swift static + Foundation, linked against libgit2 (no call)", [p("swift-foundation-libgit2")]),
            ("Swift static + Foundation + libgit2: git show REV:PATH, set up as GitKit does", [p("swift-show"), show]),
            ("C + libgit2: the status hearth reads (work tree, ahead/behind), set up as GitKit does", [p("c-status-as-gitkit")]),
            ("Swift static + Foundation + libgit2: the status hearth reads, set up as GitKit does", [p("swift-status")]),
            ("git --version", ["git", "--version"]),
            ("git show REV:PATH", ["git", "show", show]),
            ("git log -n 50", ["git", "log", "-n", "50"]),
            ("git log -n 50 --stat", ["git", "log", "-n", "50", "--stat"]),
            ("git status", ["git", "status"]),
            ("hearth --version", [hearth, "--version"]),
            ("hearth show NOTE --at COMMIT", [hearth, "show", note, "--at", rev[:12]]),
            ("hearth log -n 50", [hearth, "log", "-n", "50"]),
            ("hearth status", [hearth, "status"]),
        ]
        os.chdir(laptop)
        for _, command in rows:  # warm-up (hearth's first history command builds its rename index)
            cpu(command, env)
        samples = [[] for _ in rows]
        for _ in range(args.runs):
            for (_, command), times in zip(rows, samples):
                times.append(cpu(command, env))
        print(f"Floor: CPU time (user + system), median of {args.runs} rounds, load average "
              f"{os.getloadavg()[0]:.1f} at the end")
        print("| program | CPU ms | command |\n|---|---:|---|")
        median = dict((name, statistics.median(times)) for (name, _), times in zip(rows, samples))
        for name, command in rows:
            shown = " ".join("hearth" if part == hearth else os.path.basename(part) if part.startswith(work) else part
                             for part in command)
            print(f"| {name} | {median[name] * 1000:.2f} | `{shown.replace(rev, 'REV').replace(rev[:12], 'COMMIT')}` |")
        print()
        for floor, git_row in (("C + libgit2: git show REV:PATH, set up as GitKit does", "git show REV:PATH"),
                               ("C + libgit2: git log -n 50 (walked by commit date), set up as GitKit does", "git log -n 50"),
                               ("C + libgit2: git log -n 50 --stat (the same walk, each commit's diff and stats), set up as GitKit does",
                                "git log -n 50 --stat"),
                               ("C + libgit2: the status hearth reads (work tree, ahead/behind), set up as GitKit does", "git status"),
                               ("Swift static + Foundation + libgit2: the status hearth reads, set up as GitKit does", "git status")):
            print(f"{floor} / {git_row}: {median[floor] / median[git_row]:.2f}x (goal for hearth: at most 1.5x)")
    finally:
        os.chdir(HERE)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
