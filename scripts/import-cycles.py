#!/usr/bin/env python3
"""List import cycles between the .rs files of each crate in the workspace.

A file imports another when it names an item through a path that resolves to
that file: `use crate::a::b::X`, `use super::x`, `use child::Y`, or the same
paths written inline (`crate::a::f()`, `super::g()`, `$crate::a::f()` in a
macro). A path resolves to the deepest module file it reaches, then through
that file's own `use` bindings: `crate::X`, where lib.rs has `pub use a::X`,
is an import of a.rs, the file that defines X. Comments and string literals
are ignored.

A module's references to its own child modules (`mod x;`, `pub use x::Y`,
`x::f()` in lib.rs or mod.rs) are the module tree, not imports, so they are
left out unless --with-parents is given; a child may then use its parent.

Every crate of the workspace is read (the root package and crates/*): its
lib.rs, main.rs and src/bin/*.rs, and its tests/, benches/ and examples/
files with the modules they declare.

Usage: scripts/import-cycles.py [--with-parents] [REPO_ROOT]
       scripts/import-cycles.py --self-test
Exit status 1 if any cycle (or a failed self-test). `make test-unit` runs
both, so a new loop fails CI.
"""

import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(src):
    """Blank out comments, string and char literals, keeping offsets."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif re.match(r"b?r#*\"", src[i:i + 20]) and (i == 0 or not re.match(r"\w", src[i - 1])):
            m = re.match(r"b?r(#*)\"", src[i:])
            end = '"' + m.group(1)
            j = src.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", src[i:])
            if m:  # char literal; otherwise a lifetime
                out.append(" " * m.end())
                i += m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_top(s):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def expand_use(tree, prefix=()):
    """`a::{b as c, d::{e, self}}` -> [([a,b], c), ([a,d,e], e), ([a,d], d)]."""
    tree = tree.strip()
    if "{" in tree:
        head, body = tree.split("{", 1)
        body = body[: body.rfind("}")]
        segs = [x.strip() for x in head.split("::") if x.strip()]
        out = []
        for part in split_top(body):
            out += expand_use(part, prefix + tuple(segs))
        return out
    m = re.match(r"(.*?)\s+as\s+(" + IDENT + r")$", tree, re.S)
    alias = None
    if m:
        tree, alias = m.group(1), m.group(2)
    segs = list(prefix) + [x.strip() for x in tree.split("::") if x.strip()]
    if segs and segs[-1] == "self":
        segs = segs[:-1]
    if segs and segs[-1] == "*":
        return [(segs[:-1], None)]
    return [(segs, alias or (segs[-1] if segs else None))]


class Crate:
    def __init__(self, root_file):
        self.root = root_file
        self.files = {}  # file -> module path tuple
        self.children = {}  # file -> {name: file}
        self._walk(root_file, ())

    def _walk(self, f, modpath):
        if f in self.files:
            return
        self.files[f] = modpath
        src = strip(open(f, encoding="utf-8").read())
        base = os.path.basename(f)
        d = os.path.dirname(f) if base in ("lib.rs", "main.rs", "mod.rs") or f == self.root else f[:-3]
        kids = {}
        for m in re.finditer(r"\bmod\s+(" + IDENT + r")\s*;", src):
            name = m.group(1)
            for cand in (os.path.join(d, name + ".rs"), os.path.join(d, name, "mod.rs")):
                if os.path.exists(cand):
                    kids[name] = cand
                    break
        self.children[f] = kids
        for name, cf in kids.items():
            self._walk(cf, modpath + (name,))

    def file_of(self, modpath):
        for f, p in self.files.items():
            if p == modpath:
                return f
        return None


def inline_depth_at(src):
    """For each `mod name {` block, its span; returns a function pos->depth."""
    spans = []
    for m in re.finditer(r"\bmod\s+" + IDENT + r"\s*\{", src):
        depth, j = 1, m.end()
        while j < len(src) and depth:
            if src[j] == "{":
                depth += 1
            elif src[j] == "}":
                depth -= 1
            j += 1
        spans.append((m.start(), j))
    return lambda pos: sum(1 for a, b in spans if a <= pos < b)


def absolute(crate, f, depth, segs):
    """Segments as written in file f (inside `depth` inline modules) -> segments
    from the crate root, or None for another crate or an inline module of f."""
    here = crate.files[f]
    head = segs[0] if segs else None
    if head == "crate":
        return list(segs[1:])
    if head in ("super", "self"):
        mod, rest, inline = list(here), list(segs), depth
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                if inline:
                    inline -= 1
                elif mod:
                    mod.pop()
            rest.pop(0)
        return None if inline else mod + rest
    if head in crate.children[f] and depth == 0:
        return list(here) + list(segs)
    return None


def file_bindings(crate, f, src, depth_at):
    """Names that f's own (file-level) `use` statements bind -> absolute path."""
    names = {}
    for m in re.finditer(r"\buse\s+([^;]+);", src):
        if depth_at(m.start()):
            continue
        for segs, alias in expand_use(m.group(1)):
            if alias and alias != "_":
                names[alias] = absolute(crate, f, 0, segs)
    return names


def resolve(crate, segs, hops=0):
    """Absolute segments -> the file that defines the item, following
    re-exports (`pub use a::X` in lib.rs sends `crate::X` on to a.rs)."""
    f = crate.file_of(())
    i = 0
    while i < len(segs) and segs[i] in crate.children.get(f, {}):
        f = crate.children[f][segs[i]]
        i += 1
    if i < len(segs) and hops < 16:
        b = crate.bindings[f].get(segs[i], False)
        if b is None:  # bound to another crate's item
            return None
        if b is not False:
            return resolve(crate, b + list(segs[i + 1:]), hops + 1)
    return f


def edges_of(crate, f):
    """Files that f imports -> the line of f's first import of each."""
    src = crate.src[f]
    depth_at = crate.depth_at[f]
    kids = crate.children[f]
    out = {}

    def add(segs, pos):
        abs_segs = absolute(crate, f, depth_at(pos), segs) if segs else None
        if abs_segs is None:
            return
        target = resolve(crate, abs_segs)
        if target and target != f:
            line = src.count("\n", 0, pos) + 1
            out[target] = min(out.get(target, line), line)

    uses = list(re.finditer(r"\buse\s+([^;]+);", src))
    for m in uses:
        for p, _ in expand_use(m.group(1)):
            add(p, m.start())
    rest = src
    for m in uses:  # blank the use statements so their groups are not re-read
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    for m in re.finditer(r"(?<![\w:])((?:crate|super|self)(?:\s*::\s*" + IDENT + r")+)", rest):
        add(re.split(r"\s*::\s*", m.group(1)), m.start())
    if kids:
        for m in re.finditer(r"(?<![\w:])(" + IDENT + r")((?:\s*::\s*" + IDENT + r")+)", rest):
            if m.group(1) in kids:
                add(re.split(r"\s*::\s*", m.group(0)), m.start())
    return out


def cycles(graph):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def shortest_cycle(graph, comp):
    """One short loop through the component, for the report."""
    comp = set(comp)
    best = None
    for s in sorted(comp):
        prev, frontier = {s: None}, [s]
        found = None
        while frontier and not found:
            nxt = []
            for v in frontier:
                for w in sorted(graph.get(v, ())):
                    if w == s:
                        found = v
                        break
                    if w in comp and w not in prev:
                        prev[w] = v
                        nxt.append(w)
                if found:
                    break
            frontier = nxt
        if found:
            path, v = [], found
            while v is not None:
                path.append(v)
                v = prev[v]
            path = path[::-1] + [s]
            if best is None or len(path) < len(best):
                best = path
    return best


def crate_roots(root):
    """The root files of every crate target below root (see the docstring)."""
    crates = os.path.join(root, "crates")
    crate_dirs = [root] + sorted(
        os.path.join(crates, d) for d in (os.listdir(crates) if os.path.isdir(crates) else [])
    )
    roots = []
    for cd in crate_dirs:
        src = os.path.join(cd, "src")
        roots += [os.path.join(src, r) for r in ("lib.rs", "main.rs") if os.path.exists(os.path.join(src, r))]
        for d in (os.path.join(src, "bin"), os.path.join(cd, "tests"), os.path.join(cd, "benches"), os.path.join(cd, "examples")):
            if os.path.isdir(d):
                roots += sorted(os.path.join(d, b) for b in os.listdir(d) if b.endswith(".rs"))
    return roots


def find_cycles(root, with_parents=False):
    """[(loop as a list of (file, line of its import of the next)), files
    in its component], over every crate below root; and the number of
    files read."""
    found, files = [], set()
    for r in crate_roots(root):
        crate = Crate(r)
        files |= set(crate.files)
        crate.src = {f: strip(open(f, encoding="utf-8").read()) for f in crate.files}
        crate.depth_at = {f: inline_depth_at(crate.src[f]) for f in crate.files}
        crate.bindings = {f: file_bindings(crate, f, crate.src[f], crate.depth_at[f]) for f in crate.files}
        lines = {f: edges_of(crate, f) for f in crate.files}
        if not with_parents:
            lines = {f: {t: n for t, n in ts.items() if t not in crate.children[f].values()} for f, ts in lines.items()}
        graph = {f: set(ts) for f, ts in lines.items()}
        for comp in cycles(graph):
            loop = shortest_cycle(graph, comp)
            found.append(([(a, lines[a][b]) for a, b in zip(loop, loop[1:])] + [(loop[-1], None)], comp))
    return found, len(files)


SELF_TEST = {
    # A loop through a re-export: b.rs names crate::X, which lib.rs
    # re-exports from a.rs.
    "loop/src/lib.rs": "mod a;\nmod b;\npub use a::X;\n",
    "loop/src/a.rs": "use crate::b::helper;\npub struct X;\n",
    "loop/src/b.rs": "pub fn helper() -> crate::X { crate::X }\n",
    # No loop: the child uses its parent; comments and strings name files;
    # a test module's `use super::*`.
    "tree/src/main.rs": "mod p;\nfn main() { p::q::run(); }\n",
    "tree/src/p/mod.rs": "pub mod q;\npub fn shared() {}\n",
    "tree/src/p/q.rs": "// use super::r;\npub fn run() { super::shared(); let _ = \"crate::p\"; }\n"
    "#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
    # A loop of inline paths through super:: between siblings.
    "sib/src/lib.rs": "mod m;\n",
    "sib/src/m/mod.rs": "mod x;\nmod y;\n",
    "sib/src/m/x.rs": "pub fn f() { super::y::g() }\n",
    "sib/src/m/y.rs": "pub fn g() {}\npub fn h() { super::x::f() }\n",
}


def self_test():
    """The checker finds the loops it is meant to find, and no others."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "crates"))
        for path, text in SELF_TEST.items():
            full = os.path.join(tmp, "crates", path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as out:
                out.write(text)
        found, _ = find_cycles(tmp)
        got = sorted(sorted(os.path.relpath(f, os.path.join(tmp, "crates")) for f in comp) for _, comp in found)
    want = [["loop/src/a.rs", "loop/src/b.rs"], ["sib/src/m/x.rs", "sib/src/m/y.rs"]]
    if got != want:
        print(f"self-test failed: found {got}, expected {want}")
        return 1
    print("self-test passed")
    return 0


def main():
    args = sys.argv[1:]
    if "--self-test" in args:
        return self_test()
    with_parents = "--with-parents" in args
    args = [a for a in args if a != "--with-parents"]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    found, nfiles = find_cycles(root, with_parents)
    rel = lambda p: os.path.relpath(p, root)
    for loop, comp in found:
        print(f"cycle ({len(comp)} files): " + ", ".join(rel(p) for p in comp))
        print("  e.g. " + " -> ".join(rel(f) + (f":{n}" if n else "") for f, n in loop))
    if found:
        print(f"{len(found)} import cycle(s) among {nfiles} files: move what both sides use where both can reach it")
        return 1
    print(f"no import cycles among {nfiles} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
