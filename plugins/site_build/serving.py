"""The web server of `invoke serve` and `invoke livereload`: the built site on 127.0.0.1.

An address with no file gets the site's own 404 page, with status 404. For
the live preview, every page is sent with one tag more, a script from the
server's own origin: python-livereload's client, which reloads the page when
reload() is called after a rebuild. The pages' Content-Security-Policy
already allows it (script-src 'self'; connect-src 'self', which matches the
websocket to the same host and port), so the policy is sent as built;
livereload's own server adds an inline script instead, which the policy
blocks. Nothing is written to the output folder.
"""

import asyncio
import contextlib
import mimetypes
from pathlib import Path
from urllib.parse import quote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler
from tornado.websocket import WebSocketClosedError

from translations import _

HOST = "127.0.0.1"


def not_found_page(settings) -> str:
    """The 404 page's file: Pelican saves the direct template "404" as 404_SAVE_AS."""
    return settings.get("404_SAVE_AS") or "404.html"


def reload_script(port: int) -> bytes:
    # livereload.js reads its server's host and port from its own address.
    return f'<script src="/livereload.js?port={port}"></script>'.encode()


def with_script(html: bytes, script: bytes) -> bytes:
    """HTML with SCRIPT last of all, where the browser puts it in the body.

    Not before the first "</head>": a title or an alt text can hold those
    characters as text, which the minifier leaves as they are.
    """
    return html + script


def locate(root: Path, path: str) -> Path | str | None:
    """The file for the URL path PATH under ROOT, or where to redirect (a folder without
    its "/"), or None when there is none."""
    parts = [part for part in path.split("/") if part]
    if any(part in {".", ".."} or "\\" in part or "\0" in part for part in parts):
        return None
    found = root.joinpath(*parts)
    if found.is_dir():
        if parts and not path.endswith("/"):
            return quote("/" + "/".join(parts) + "/")
        found /= "index.html"
    return found if found.is_file() else None


def content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    text = kind.startswith("text/") or kind in {"application/javascript", "application/json"}
    return f"{kind}; charset=utf-8" if text else kind


class SiteFiles(RequestHandler):
    """The files under ROOT; pages with SCRIPT added, the 404 page for an unknown address.

    Pages under the folders STILL get no script.
    """

    def initialize(self, root: Path, not_found: str, script: bytes = b"", still=()):
        self.root = root
        self.not_found = not_found
        self.script = script
        self.still = tuple(f"{folder.strip('/')}/" for folder in still)

    def get(self, path: str):
        found = locate(self.root, path)
        if isinstance(found, str):
            self.redirect(found)
            return
        # The browser asks again each time, and an ETag makes the answer short.
        self.set_header("Cache-Control", "no-cache")
        if found is None:
            self.set_status(404)
            found = self.root / self.not_found
            if not found.is_file():
                self.set_header("Content-Type", "text/plain; charset=utf-8")
                self.finish(
                    _("Nothing here: the site is not built yet. Build it with python3 dev.py build")
                )
                return
        body = found.read_bytes()
        if found.suffix == ".html" and not path.startswith(self.still):
            body = with_script(body, self.script)
        self.set_header("Content-Type", content_type(found))
        self.finish(body)

    def head(self, path: str):
        self.get(path)  # Tornado sends the headers only


class Reloads(LiveReloadHandler):
    """livereload.js's websocket, with python-livereload's handshake."""

    @classmethod
    def reload_all(cls) -> None:
        for waiter in list(cls.waiters):
            try:
                waiter.write_message({"command": "reload", "path": "/", "liveCSS": False})
            except WebSocketClosedError:
                cls.waiters.discard(waiter)


class SiteServer:
    """The site built in ROOT at http://127.0.0.1:PORT/; with LIVE, pages reload on reload().

    Pages under the folders STILL never reload: the web editor's would lose
    what is being typed. The port is taken at once, so that a port in use is
    known before a build.
    """

    def __init__(
        self, root: Path, port: int, not_found: str = "404.html", live: bool = False, still=()
    ):
        self.sockets = bind_sockets(port, HOST)
        self.port = self.sockets[0].getsockname()[1]
        self.live = live
        files = {"root": Path(root), "not_found": not_found}
        live_handlers = []
        if live:
            files |= {"script": reload_script(self.port), "still": still}
            live_handlers = [(r"/livereload", Reloads), (r"/livereload\.js", LiveReloadJSHandler)]
        # No line per request (Tornado's, in English): an editor reads the rebuilds.
        self.application = Application(
            [*live_handlers, (r"/(.*)", SiteFiles, files)], log_function=lambda handler: None
        )
        self.loop = None

    @property
    def address(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def run(self) -> None:
        """Serve until Ctrl+C."""
        if self.live:
            # Translators: printed when the live preview starts; {address} is a link to open.
            started = _(
                "The preview is at {address} and reloads itself after every saved change. "
                "Stop it with Ctrl+C."
            )
        else:
            # Translators: printed when the server of the built site starts.
            started = _("The site is at {address}. Stop it with Ctrl+C.")
        print(started.format(address=self.address), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(self._serve())

    async def _serve(self) -> None:
        HTTPServer(self.application).add_sockets(self.sockets)
        self.loop = IOLoop.current()
        await asyncio.Event().wait()

    def reload(self) -> None:
        """Reload every open page; from any thread."""
        if self.loop is not None:
            self.loop.add_callback(Reloads.reload_all)
