"""A real SMTP server for the email alert tests (aiosmtpd, Debian's python3-aiosmtpd).

Usage: smtp-server.py CERT KEY USER PASSWORD MAILDIR
Listens on 127.0.0.1 on a free port, prints "listening PORT" once ready, requires STARTTLS before
anything else and AUTH (PLAIN/LOGIN) before MAIL, and writes every accepted message to MAILDIR as
N.eml. Runs until killed.
"""
import asyncio
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

cert, key, user, password, maildir = sys.argv[1:6]


class Saving:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Saving.count += 1
        path = os.path.join(maildir, "%d.eml" % Saving.count)
        with open(path + ".tmp", "wb") as f:
            f.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 OK saved"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
        and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Saving(), hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
controller.start()
print("listening %d" % controller.port, flush=True)
try:
    asyncio.new_event_loop().run_until_complete(asyncio.Event().wait())
finally:
    controller.stop()
