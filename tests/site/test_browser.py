"""The download page in a real browser: headless Chromium renders it, axe-core checks it.

How: Chromium's own command line, no driver. `--screenshot` takes a picture at a phone's width;
`--dump-dom` prints the page after its scripts have run (`--virtual-time-budget` lets them
finish). For axe-core, the test writes a copy of index.html into a copy of the site folder with
two scripts added before `</body>`: axe.min.js and a few lines that run it, check the images
and the Urdu direction, and write the results as JSON into a `<pre>`, which the dumped DOM
carries back. The site itself has no script.

Needs Debian's `chromium` (else these tests skip) and axe-core from npm in .ci/node
(`bash .ci/run` installs both; APPEALKIT_NO_SKIPS=1 there turns a skip into a failure).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from site_helpers import EXAMPLE, ROOT, build_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "_artifacts"
PHONE = (390, 2600)  # CSS pixels: a phone's width, tall enough to hold the whole page

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (apt-get install chromium)")

_CHECK = """
<script src="axe.min.js"></script>
<script>
window.addEventListener("load", async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  const report = {
    violations: result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.map(n => n.target.join(" "))})),
    images: [...document.images].map(i => [i.getAttribute("src"), i.naturalWidth]),
    urdu: [...document.querySelectorAll("[lang=ur]")].map(
      e => [e.textContent, getComputedStyle(e).direction]),
  };
  const out = document.createElement("pre");
  out.id = "test-report";
  out.textContent = JSON.stringify(report);
  document.body.append(out);
});
</script>
"""


def _chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with `args`; return what it printed. 60 s is only a hang guard."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(EXAMPLE, tmp_path_factory.mktemp("site") / "site")


def test_renders_on_a_phone(site: Path, tmp_path: Path) -> None:
    """The screenshot is kept in tests/_artifacts/site-phone.png to be looked at."""
    shot = tmp_path / "phone.png"
    _chromium(tmp_path, f"--window-size={PHONE[0]},{PHONE[1]}", f"--screenshot={shot}",
              (site / "index.html").as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "site-phone.png")
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        assert rgb.size == PHONE
        assert rgb.getpixel((5, 5)) == (255, 210, 0)  # the banner, in the kit's accent
        # The fact sheet's preview sits in its card: its own yellow banner is drawn inside.
        column = [rgb.getpixel((60, y)) for y in range(700, 1600)]
        assert (255, 210, 0) in column
        assert min(sum(p) for p in column) < 100  # and dark text


def _axe_report(site: Path, tmp_path: Path) -> dict:
    """axe-core's report on the site's page in Chromium, with what the page shows."""
    if not AXE.is_file():
        pytest.skip(f"needs axe-core in {AXE.parents[2]} "
                    "(npm install --prefix .ci/node axe-core; bash .ci/run does)")
    folder = tmp_path / "checked"
    shutil.copytree(site, folder)
    shutil.copyfile(AXE, folder / "axe.min.js")
    page = (folder / "index.html").read_text(encoding="utf-8")
    (folder / "index.html").write_text(page.replace("</body>", _CHECK + "</body>"),
                                       encoding="utf-8")
    dom = _chromium(tmp_path, f"--window-size={PHONE[0]},{PHONE[1] * 3}",
                    "--virtual-time-budget=30000", "--dump-dom", (folder / "index.html").as_uri())
    found = re.search(r'<pre id="test-report">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    return json.loads(html.unescape(found.group(1)))  # type: ignore[no-any-return]


def test_axe_finds_no_serious_violation(site: Path, tmp_path: Path) -> None:
    report = _axe_report(site, tmp_path)
    serious = [v for v in report["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert report["violations"] == []  # nothing minor either, today: keep it so
    assert len(report["images"]) == len(list(site.glob("preview-*.png"))) + 1  # and the QR code
    assert all(width > 0 for _, width in report["images"]), report["images"]  # all loaded
    assert report["urdu"] == [["اردو", "rtl"]]


def test_kit_text_never_runs_in_the_browser(make_kit, tmp_path: Path) -> None:
    attack = "document.body.dataset.pwned = 'yes'"

    def hostile(data: dict) -> None:
        data["headline"] = f"<img src=x onerror=\"{attack}\">"
        data["summary"] = f"<script>{attack}</script> (a javascript: link is a kit problem)"

    site = build_site(make_kit(hostile), tmp_path / "site")
    dom = _chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom",
                    (site / "index.html").as_uri())
    assert "pwned" in dom  # the text is on the page, as text...
    assert "data-pwned" not in dom  # ...and never ran
    assert "<h1>&lt;img src=x onerror=\"document.body.dataset.pwned = 'yes'\"&gt;</h1>" in dom
    assert "<p class=\"summary\">&lt;script&gt;" in dom


def test_axe_finds_nothing_on_a_page_with_a_photo(tmp_path: Path) -> None:
    site = build_site(ROOT / "examples" / "one-person" / "kit.yaml", tmp_path / "site")
    report = _axe_report(site, tmp_path)
    assert report["violations"] == []
    previews = len(list(site.glob("preview-*.png")))
    assert len(report["images"]) == previews + 2  # the photo and the QR code
    assert all(width > 0 for _, width in report["images"]), report["images"]
