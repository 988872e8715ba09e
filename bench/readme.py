"""Re-assembles bench/README.md: keeps the hand-written head (up to the first '---' line) and replaces every
section marked '<!-- bench/results/AREA.md -->' with that file as the runner last wrote it.

Usage: python3 bench/readme.py   (from the repository root; no third-party packages)
"""
import pathlib
import re

readme = pathlib.Path("bench/README.md")
text = readme.read_text()
head, _, rest = text.partition("\n---\n")
paths = re.findall(r"<!-- (bench/results/[\w-]+\.md) -->", rest)
for p in sorted(pathlib.Path("bench/results").glob("*.md")):
    if str(p) not in paths:
        paths.append(str(p))   # a new area goes at the end
def body(path):
    # a results file may open with a top-level heading: one level down under the README's own title
    return re.sub(r"\A# ", "## ", pathlib.Path(path).read_text().rstrip())


sections = [f"<!-- {p} -->\n{body(p)}\n" for p in paths]
readme.write_text(head + "\n---\n\n" + "\n---\n\n".join(sections))
print(f"bench/README.md: head + {len(sections)} sections ({', '.join(paths)})")
