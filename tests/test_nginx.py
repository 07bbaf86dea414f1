"""deploy/nginx/ with a real nginx (Debian's package) on 127.0.0.1, serving a
production build: encodings, headers, cache lifetimes, old addresses, 404s,
and a short load test with wrk."""

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
from conftest import ROOT, SEED_URL, copy_site, free_port, read_html, run_task

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy" / "nginx"
OLD = "/index.php/blog/read/1234"
BROTLI_FILTER = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"


def need(program: str, package: str):
    if not Path(program).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs {program}: .ci/run installs Debian's package '{package}'")
        pytest.skip(f"no {program}: install Debian's package '{package}' for the nginx tests")


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """The production build of a site copy whose seed post has an old address, on nginx."""
    need(NGINX, "nginx")
    need(BROTLI_FILTER, "libnginx-mod-http-brotli-filter")
    folder = tmp_path_factory.mktemp("nginx")
    site = copy_site(folder / "site")
    seed = next((site / "content" / "berita").rglob("2021-11-03-*.md"))
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Category:", f"Old_Urls: {OLD}\nCategory:", 1),
        encoding="utf-8",
    )
    output = folder / "www"
    run_task(site, "preview", "--output", str(output))
    port = free_port()
    config = folder / "conf"
    config.mkdir()
    site_config = (DEPLOY / "kpu-ntt.conf").read_text(encoding="utf-8")
    site_config = re.sub(r"\n\s*listen [^\n]*;", "", site_config, count=0)
    site_config = site_config.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    site_config = site_config.replace("/var/www/kpu-ntt", str(output))
    site_config = site_config.replace("/etc/nginx/kpu-ntt", str(config))
    (config / "kpu-ntt.conf").write_text(site_config, encoding="utf-8")
    shutil.copy2(DEPLOY / "headers.conf", config / "headers.conf")
    temporary = folder / "temp"
    temporary.mkdir()
    (config / "nginx.conf").write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temporary}/body;
    proxy_temp_path {temporary}/proxy;
    fastcgi_temp_path {temporary}/fastcgi;
    uwsgi_temp_path {temporary}/uwsgi;
    scgi_temp_path {temporary}/scgi;
    include {config}/kpu-ntt.conf;
}}
""",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [NGINX, "-t", "-c", str(config / "nginx.conf"), "-p", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(
        [NGINX, "-c", str(config / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    yield base, output
    server.terminate()
    server.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def get(url: str, encoding: str | None = None):
    """(status, headers, body as sent) of a GET, redirects not followed."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_go_out_compressed_in_the_encoding_asked_for(nginx):
    base, output = nginx
    page = (output / SEED_URL / "index.html").read_bytes()
    # No copies beside a page: nginx compresses it, within 1% of a build's copy.
    assert not list(output.rglob("*.html.br")) and not list(output.rglob("*.html.gz"))
    status, headers, body = get(f"{base}/{SEED_URL}", "br, gzip")
    assert status == 200 and headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == page
    assert len(body) <= len(brotli.compress(page, quality=5)) * 1.01
    assert headers["Vary"] == "Accept-Encoding"
    status, headers, body = get(f"{base}/{SEED_URL}", "gzip")
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == page
    assert len(body) <= len(gzip.compress(page, 9)) * 1.01
    status, headers, body = get(f"{base}/{SEED_URL}")
    assert "Content-Encoding" not in headers and body == page
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_feeds_and_robots_are_compressed_and_scripts_sent_as_built(nginx):
    base, output = nginx
    for name in ("sitemap.xml", "robots.txt", "feeds/semua.atom.xml"):
        for encoding, decompress in (("gzip", gzip.decompress), ("br", brotli.decompress)):
            status, headers, body = get(f"{base}/{name}", encoding)
            assert status == 200 and headers["Content-Encoding"] == encoding, name
            assert decompress(body) == (output / name).read_bytes(), name
    script = output / "pagefind" / "pagefind.js"
    for encoding in ("gzip", "br"):
        status, headers, body = get(f"{base}/pagefind/pagefind.js", encoding)
        assert headers["Content-Encoding"] == encoding
        suffix = ".gz" if encoding == "gzip" else ".br"
        assert body == script.with_name("pagefind.js" + suffix).read_bytes()


def directives(policy: str) -> dict[str, set[str]]:
    return {name: set(values) for name, *values in (part.split() for part in policy.split("; "))}


def test_security_headers_and_the_pages_own_policy(nginx):
    base, output = nginx
    headers = get(f"{base}/")[1]
    header = directives(headers["Content-Security-Policy"])
    assert header.pop("frame-ancestors") == {"'none'"}
    assert not any("'unsafe-inline'" in values for values in header.values())
    # The header allows the inline code of every page; each page's own policy
    # allows the inline code of that page only: the index has no script, an
    # article has its share row's.
    index, article = (
        directives(
            read_html(output / page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})[
                "content"
            ]
        )
        for page in ("index.html", f"{SEED_URL}index.html")
    )
    for page in (index, article):
        assert page.keys() == header.keys()
        assert all(page[name] <= header[name] for name in header)
    assert {value for value in index["script-src"] if value.startswith("'sha256-")} == set()
    assert {value for value in article["script-src"] if value.startswith("'sha256-")}
    assert index["style-src"] == article["style-src"] == header["style-src"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert "Server" not in headers or "/" not in headers["Server"]  # no version


def test_cache_lifetimes(nginx):
    base, output = nginx
    assert get(f"{base}/")[1]["Cache-Control"] == "public, max-age=300"
    fragment = next((output / "pagefind" / "fragment").iterdir()).name
    headers = get(f"{base}/pagefind/fragment/{fragment}")[1]
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    image = next((output / "images").rglob("*-320.webp")).relative_to(output).as_posix()
    assert get(f"{base}/{image}")[1]["Cache-Control"] == "public, max-age=604800"


def test_old_addresses_redirect_and_the_build_files_are_hidden(nginx):
    base, output = nginx
    status, headers, _ = get(f"{base}{OLD}")
    assert status == 301
    assert headers["Location"].endswith(f"/{SEED_URL}")
    # Static hosts get the redirect page the build wrote at the same path.
    page = read_html(output / OLD.strip("/") / "index.html")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith(f"/{SEED_URL}")
    assert page.find("link", rel="canonical")["href"].endswith(f"/{SEED_URL}")
    assert page.find("script") is None
    assert get(f"{base}/nginx/old-urls.map")[0] == 404
    assert get(f"{base}/nginx/csp.conf")[0] == 404


def test_unknown_addresses_get_the_sites_404_page(nginx):
    base, output = nginx
    status, headers, body = get(f"{base}/berita/tidak-ada/")
    assert status == 404
    assert body == (output / "404.html").read_bytes()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in headers


def test_a_load_test_has_no_failures(nginx):
    """3 s in the suite; KPU_WRK_SECONDS=30 (with -s) prints docs/self-hosting.md's numbers."""
    need("/usr/bin/wrk", "wrk")
    base, _ = nginx
    seconds = int(os.environ.get("KPU_WRK_SECONDS", "3"))
    result = subprocess.run(
        [
            "/usr/bin/wrk",
            "-t2",
            "-c32",
            f"-d{seconds}s",
            "-H",
            "Accept-Encoding: br, gzip",
            f"{base}/{SEED_URL}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(result.stdout)
    assert "Non-2xx" not in result.stdout and "Socket errors" not in result.stdout
    assert float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)[1]) > 100
