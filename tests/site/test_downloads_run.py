"""The gallery's downloads run where a reader runs them: a fresh environment with dlref's wheel
installed by the one line the site gives, ``pip install "<wheel>[examples]"``.

Three scripts and one notebook are taken from the built site's download links (the files a
reader gets), including a Korean page's script, and run outside the repository: they finish,
show no TensorFlow start-up lines on stderr, print what the page prints, and the notebook's
text holds no Sphinx role.  Slow (the site, and an environment with TensorFlow); pip's cache
makes the install local.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
NOISE = re.compile(r"absl::InitializeLog|cuda|oneDNN|cpu_feature_guard|I0000 ")


def _download(site, lang: str, page: str, suffix: str) -> Path:
    html = site["out"] / lang / "auto_examples" / f"{page}.html"
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("a.download") if a["href"].endswith(suffix)]
    assert len(links) == 1, (page, links)
    return (html.parent / links[0]).resolve()


@pytest.fixture(scope="module")
def reader_env(tmp_path_factory):
    """A virtual environment with the wheel installed as the site says, plus Jupyter's
    runner; returns its Python."""
    where = tmp_path_factory.mktemp("reader")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(where / "dist"), str(ROOT)], check=True)
    [wheel] = (where / "dist").glob("dlref-*.whl")
    venv.create(where / "env", with_pip=True)
    python = where / "env" / "bin" / "python"
    # The install line of the site, for a wheel; the constraints keep the versions CI uses.
    # --no-compile: the examples import a small part of what pip would byte-compile (most of
    # TensorFlow); they compile it themselves on import.
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-compile", "-c",
                    str(ROOT / "constraints.txt"),
                    f"{wheel}[examples]", "nbclient", "ipykernel"], check=True)
    return python


def _reader_run(python: Path, script: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("MPLBACKEND", "TF_CPP_MIN_LOG_LEVEL", "PYTHONPATH", "DLREF_LANG",
                        "KERAS_BACKEND")}
    shutil.copy(script, cwd / script.name)
    return subprocess.run([str(python), script.name], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.parametrize(("lang", "page", "printed"), [
    ("en", "training/plot_vanishing_gradients", "sigmoid: first layer / last layer ="),
    ("en", "models/plot_seed_mlp_digits", "test loss:"),
    ("ko", "activations/plot_activation_functions", "활성화 함수:"),
])
def test_a_downloaded_script_runs_quietly(site, reader_env, tmp_path, lang, page, printed):
    script = _download(site, lang, page, ".py")
    ran = _reader_run(reader_env, script, tmp_path)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert printed in ran.stdout
    assert not NOISE.search(ran.stderr), ran.stderr[-3000:]
    if lang == "ko":
        assert script.name.endswith(".ko.py")
        assert "# %%" in script.read_text(encoding="utf-8")


def test_a_downloaded_notebook_runs_without_stderr_noise(site, reader_env, tmp_path):
    notebook = _download(site, "en", "training/plot_vanishing_gradients", ".ipynb")
    text = json.loads(notebook.read_text(encoding="utf-8"))
    markdown = "".join("".join(c["source"]) for c in text["cells"]
                       if c["cell_type"] == "markdown")
    assert not re.search(r":(func|class|meth|mod|term|ref|math):`", markdown)
    executed = tmp_path / "executed.ipynb"
    code = ("import sys, nbformat\n"
            "from nbclient import NotebookClient\n"
            "nb = nbformat.read(sys.argv[1], as_version=4)\n"
            "NotebookClient(nb, timeout=600, kernel_name='python3').execute()\n"
            "nbformat.write(nb, sys.argv[2])\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("MPLBACKEND", "TF_CPP_MIN_LOG_LEVEL", "PYTHONPATH", "DLREF_LANG")}
    ran = subprocess.run([str(reader_env), "-c", code, str(notebook), str(executed)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert ran.returncode == 0, ran.stderr[-3000:]
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    streams = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])
               if o.get("output_type") == "stream"]
    stderr = "".join("".join(o["text"]) for o in streams if o["name"] == "stderr")
    stdout = "".join("".join(o["text"]) for o in streams if o["name"] == "stdout")
    assert not NOISE.search(stderr), stderr
    assert "sigmoid: first layer / last layer =" in stdout
    images = [o for c in cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "the notebook drew no figure"
