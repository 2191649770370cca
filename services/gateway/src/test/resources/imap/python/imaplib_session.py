"""A mail client's session through Python's imaplib against Koppel's IMAP server.

Usage: imaplib_session.py HOST PORT TLS_PORT MESSAGES_DIR
Exits 0 when every check passed; prints what failed otherwise.
"""
import email
import imaplib
import re
import ssl
import sys

host, port, tls_port, messages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]


def check(condition, what):
    if not condition:
        print("FAILED:", what)
        sys.exit(1)


def ok(result, what):
    typ, data = result
    check(typ == "OK", f"{what}: {typ} {data}")
    return data


insecure = ssl.create_default_context()
insecure.check_hostname = False
insecure.verify_mode = ssl.CERT_NONE

# STARTTLS on the plain port, then the whole session.
m = imaplib.IMAP4(host, port)
check("STARTTLS" in m.capabilities, f"STARTTLS offered: {m.capabilities}")
ok(m.starttls(ssl_context=insecure), "STARTTLS")
ok(m.login("alice", "alice-pw"), "LOGIN")
caps = ok(m.capability(), "CAPABILITY")[0].decode().split()
check("IDLE" in caps and "UIDPLUS" in caps and "MOVE" in caps, f"capabilities after login: {caps}")

names = ok(m.list(), "LIST")
listed = [n.decode() for n in names]
check(any(l.endswith(' INBOX') for l in listed), f"INBOX listed: {listed}")
check(any('\\Sent' in l and '"Sent Items"' in l for l in listed), f"Sent Items with \\Sent: {listed}")

count = int(ok(m.select("INBOX"), "SELECT")[0])
check(count == 3, f"3 messages in INBOX, got {count}")

# Every message byte for byte as delivered, and RFC822.SIZE equal to its length.
for i in range(1, 4):
    data = ok(m.fetch(str(i), "(RFC822.SIZE BODY.PEEK[])"), f"FETCH {i}")
    header, body = data[0]
    with open(f"{messages}/{i}.eml", "rb") as f:
        original = f.read()
    check(body == original, f"message {i} byte-exact ({len(body)} vs {len(original)} octets)")
    size = int(re.search(rb"RFC822\.SIZE (\d+)", header).group(1))
    check(size == len(original), f"RFC822.SIZE of {i}: {size} vs {len(original)}")

# Searches.
check(ok(m.search(None, "FROM", "jane"), "SEARCH FROM")[0] == b"1", "SEARCH FROM jane")
check(ok(m.search(None, "SUBJECT", "lunch"), "SEARCH SUBJECT")[0] == b"1 2", "SEARCH SUBJECT lunch")
check(ok(m.search(None, "BODY", "Hauptstadt"), "SEARCH BODY")[0] == b"3", "SEARCH BODY (quoted-printable)")
check(ok(m.search(None, "UNSEEN"), "SEARCH UNSEEN")[0] == b"1 2 3", "all unseen at first")

# Flags.
ok(m.store("1", "+FLAGS", "(\\Seen \\Flagged)"), "STORE +FLAGS")
flags = ok(m.fetch("1", "(FLAGS)"), "FETCH FLAGS")[0].decode()
check("\\Seen" in flags and "\\Flagged" in flags, f"flags stored: {flags}")
check(ok(m.search(None, "SEEN"), "SEARCH SEEN")[0] == b"1", "SEARCH SEEN after STORE")

# APPEND with APPENDUID, into Drafts.
msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: Draft from imaplib\r\n\r\nHello Bob.\r\n"
typ, data = m.append("Drafts", "(\\Draft \\Seen)", None, msg)
check(typ == "OK" and b"APPENDUID" in data[0], f"APPEND: {typ} {data}")
ok(m.select("Drafts"), "SELECT Drafts")
data = ok(m.fetch("1", "(FLAGS BODY.PEEK[])"), "FETCH the draft")
check(data[0][1] == msg, "appended message byte-exact")
check("\\Draft" in data[0][0].decode() and "\\Seen" in data[0][0].decode(), f"draft flags: {data[0][0]}")

# Folders: create, copy into, rename, delete.
ok(m.create("Projects/Koppel"), "CREATE nested")
ok(m.select("INBOX"), "SELECT INBOX again")
typ, data = m.copy("2", "Projects/Koppel")
check(typ == "OK" and b"COPYUID" in data[0], f"COPY: {typ} {data}")
ok(m.rename("Projects/Koppel", "Projects/Archive"), "RENAME")
status = ok(m.status("Projects/Archive", "(MESSAGES UNSEEN UIDNEXT)"), "STATUS")[0].decode()
check("MESSAGES 1" in status, f"STATUS after copy and rename: {status}")

# MOVE (RFC 6851) and EXPUNGE.
typ, data = m.uid("MOVE", "1:*", "Projects/Archive")
check(typ == "OK", f"UID MOVE: {typ} {data}")
check(int(ok(m.select("INBOX"), "SELECT after MOVE")[0]) == 0, "INBOX empty after MOVE")
count = int(ok(m.select("Projects/Archive"), "SELECT Archive")[0])
check(count == 4, f"4 messages in the archive, got {count}")
ok(m.store("1:2", "+FLAGS", "(\\Deleted)"), "STORE \\Deleted")
typ, data = m.expunge()
check(typ == "OK" and len([d for d in data if d]) == 2, f"EXPUNGE: {typ} {data}")
check(int(ok(m.select("Projects/Archive"), "SELECT after EXPUNGE")[0]) == 2, "2 left after EXPUNGE")
ok(m.close(), "CLOSE")
ok(m.delete("Projects/Archive"), "DELETE")
check(m.logout()[0] == "BYE", "LOGOUT")

# Implicit TLS, and a wrong password.
s = imaplib.IMAP4_SSL(host, tls_port, ssl_context=insecure)
try:
    s.login("alice", "wrong")
    check(False, "a wrong password must fail")
except imaplib.IMAP4.error as e:
    check("AUTHENTICATIONFAILED" in str(e), f"wrong password answered: {e}")
ok(s.login("alice", "alice-pw"), "LOGIN over imaps")
check(s.logout()[0] == "BYE", "LOGOUT over imaps")
print("ok")
