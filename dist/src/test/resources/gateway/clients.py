"""imaplib and poplib against a running koppel serve: STARTTLS/STLS, login, the delivered messages.

Usage: clients.py HOST IMAP_PORT POP3_PORT USER PASSWORD COUNT
"""
import imaplib
import poplib
import ssl
import sys

host, imap_port, pop3_port, user, password, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
    sys.argv[4], sys.argv[5], int(sys.argv[6])
insecure = ssl.create_default_context()
insecure.check_hostname = False
insecure.verify_mode = ssl.CERT_NONE


def check(condition, what):
    if not condition:
        print("FAILED:", what)
        sys.exit(1)


m = imaplib.IMAP4(host, imap_port)
check("LOGINDISABLED" in m.capabilities, f"no passwords before TLS: {m.capabilities}")
m.starttls(ssl_context=insecure)
m.login(user, password)
typ, data = m.select("INBOX")
check(typ == "OK" and int(data[0]) == count, f"{count} messages in INBOX: {typ} {data}")
typ, data = m.fetch("1:*", "(UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
check(typ == "OK" and len([d for d in data if isinstance(d, tuple)]) == count, f"FETCH: {typ} {data}")
m.logout()

p = poplib.POP3(host, pop3_port)
p.stls(context=insecure)
p.user(user)
p.pass_(password)
n, size = p.stat()
check(n == count, f"POP3 STAT {n} {size}")
resp, lines, octets = p.retr(1)
check(resp.startswith(b"+OK") and octets > 0, f"RETR 1: {resp}")
p.quit()
print("ok")
