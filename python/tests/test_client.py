"""simcast.Client: one kept-alive connection, retries for connection failures only, the host's words in errors."""
import http.server
import socket
import threading
import time
import unittest

from simcast import Client, SimcastError
from tests.support import URL, HostTest


class ClosingHandler(http.server.BaseHTTPRequestHandler):
    """Answers {"ok": n} and then drops the connection without saying so, as an idle timeout does."""
    protocol_version = "HTTP/1.1"
    answered = 0

    def do_GET(self):
        ClosingHandler.answered += 1
        body = ('{"ok": %d}' % ClosingHandler.answered).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args):
        pass


class ClientTest(HostTest):

    def test_many_requests_share_one_kept_alive_connection(self):
        with Client(URL) as client:
            client.robots()
            connection = client._connection
            for _ in range(20):
                client.environments()
            self.assertIs(client._connection, connection)

    def test_a_connection_the_server_dropped_is_reopened_and_the_request_sent_again(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ClosingHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with Client(f"http://127.0.0.1:{server.server_address[1]}", retries=2) as client:
                self.assertEqual(client.request("GET", "/a"), {"ok": 1})
                time.sleep(0.1)  # the server has closed its end by now
                self.assertEqual(client.request("GET", "/b"), {"ok": 2})
            self.assertEqual(ClosingHandler.answered, 2, "each request was answered exactly once")
        finally:
            server.shutdown()
            server.server_close()

    def test_a_host_that_is_not_there_fails_after_the_retries(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        client = Client(f"http://127.0.0.1:{port}", retries=2)
        started = time.monotonic()
        with self.assertRaises(ConnectionRefusedError):
            client.robots()
        self.assertGreaterEqual(time.monotonic() - started, 0.3, "waited 0.1 + 0.2 s between the tries")

    def test_a_refusal_carries_the_status_and_the_hosts_sentence(self):
        with Client(URL) as client, self.assertRaises(SimcastError) as refused:
            client.create("teapot", "pour")
        self.assertEqual(refused.exception.status, 404)
        self.assertEqual(refused.exception.message, "Unknown robot 'teapot'. Robots: cartpole, panda, ur5e, anymal")
        self.assertIn("Simcast refused POST /api/rl/create: HTTP 404:", str(refused.exception))

    def test_urls_other_than_http_are_refused(self):
        with self.assertRaises(ValueError):
            Client("ftp://example.org")


if __name__ == "__main__":
    unittest.main()
