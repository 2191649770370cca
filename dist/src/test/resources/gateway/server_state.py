"""Prints what the server holds after mbsync: the Drafts count and the INBOX messages with \\Seen.

Usage: server_state.py HOST IMAP_PORT USER PASSWORD
"""
import imaplib
import ssl
import sys

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
insecure = ssl.create_default_context()
insecure.check_hostname = False
insecure.verify_mode = ssl.CERT_NONE
m = imaplib.IMAP4(host, port)
m.starttls(ssl_context=insecure)
m.login(user, password)
drafts = int(m.select("Drafts")[1][0])
subjects = m.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1] if drafts else []
m.select("INBOX")
seen = m.search(None, "SEEN")[1][0].decode().split()
print(f"drafts={drafts} seen={len(seen)}")
for s in subjects:
    if isinstance(s, tuple):
        print(s[1].decode().strip())
m.logout()
