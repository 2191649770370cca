"""A POP3 client session with Python's poplib, run by Pop3PoplibTest against the in-process server.

Usage: poplib_client.py HOST PORT TLS_PORT USER PASSWORD MESSAGES_DIR COUNT
Checks STAT/LIST/UIDL/RETR/TOP against the delivered MIME files 1.eml..COUNT.eml, deletes message 1 and
quits over STLS on the plain port, then logs in over implicit TLS (POP3_SSL) and checks the deletion.
Exits 0 when everything matched; prints what did not otherwise.
"""
import os
import poplib
import ssl
import sys


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def unverified():
    # The server under test has a self-signed certificate.
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def main():
    host, port, tls_port, user, password, messages, count = sys.argv[1:8]
    port, tls_port, count = int(port), int(tls_port), int(count)
    expected = [open(os.path.join(messages, "%d.eml" % i), "rb").read() for i in range(1, count + 1)]

    p = poplib.POP3(host, port, timeout=30)
    if "STLS" not in p.capa():
        fail("no STLS in CAPA: %r" % p.capa())
    p.stls(context=unverified())
    p.user(user)
    p.pass_(password)

    n, size = p.stat()
    if n != count or size != sum(len(e) for e in expected):
        fail("STAT %d %d, expected %d %d" % (n, size, count, sum(len(e) for e in expected)))
    _, listing, _ = p.list()
    sizes = [int(line.split()[1]) for line in listing]
    if sizes != [len(e) for e in expected]:
        fail("LIST sizes %r" % sizes)
    _, uidl, _ = p.uidl()
    uids = [line.split()[1] for line in uidl]
    if len(set(uids)) != count or any(len(u) > 70 for u in uids):
        fail("UIDL %r" % uids)
    for i in range(1, count + 1):
        _, lines, octets = p.retr(i)
        body = b"\r\n".join(lines) + b"\r\n"
        if body != expected[i - 1]:
            fail("RETR %d differs from the delivered MIME:\n%r\n%r" % (i, body, expected[i - 1]))
    _, top, _ = p.top(1, 1)
    head = expected[0].split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    if top[: len(head)] != head or len(top) != len(head) + 2:
        fail("TOP 1 1 %r" % top)
    p.dele(1)
    p.quit()

    s = poplib.POP3_SSL(host, tls_port, context=unverified(), timeout=30)
    s.user(user)
    s.pass_(password)
    n, size = s.stat()
    if n != count - 1:
        fail("after DELE 1 and QUIT: STAT %d %d" % (n, size))
    _, uidl, _ = s.uidl()
    if [line.split()[1] for line in uidl] != uids[1:]:
        fail("UIDL after the deletion %r, before %r" % (uidl, uids))
    s.quit()
    print("poplib session OK")


if __name__ == "__main__":
    main()
