#!/usr/bin/python3
"""Writes the Invenio test data (data-<revision>.sql) and what a migrated user should see (users.tsv).

Run with Debian's python3 (python3-passlib 1.7.4, python3-cryptography); the output is committed, tests
run no Python. Hashes are made the way Flask-Security 3/4 under Invenio makes them: passlib over
get_hmac(password) = base64(HMAC-SHA512(SECURITY_PASSWORD_SALT, password)) (Invenio's salt defaults to
SECRET_KEY), except the schemes in SECURITY_PASSWORD_SINGLE_HASH (Invenio: invenio_aes_encrypted_email).
Personal access tokens are encrypted as sqlalchemy-utils' StringEncryptedType with its default AesEngine
(key = SHA-256(SECRET_KEY), AES-256-CBC, IV = first 16 key bytes, '*' padding, base64).
"""
import base64
import hashlib
import hmac
import json

import passlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from passlib.hash import argon2, bcrypt, pbkdf2_sha1, pbkdf2_sha256, pbkdf2_sha512, sha512_crypt

assert passlib.__version__ == "1.7.4", passlib.__version__

SECRET_KEY = "invenio-test-secret-key-CHANGE-ME-4f1c9a"
SALT = SECRET_KEY


def get_hmac(password):
    return base64.b64encode(hmac.new(SALT.encode(), password.encode(), hashlib.sha512).digest()).decode()


def mysql_aes_encrypt(data, key):
    k = bytearray(16)
    for i, b in enumerate(key):
        k[i % 16] ^= b
    pad = 16 - len(data) % 16
    enc = Cipher(algorithms.AES(bytes(k)), modes.ECB()).encryptor()
    return enc.update(data + bytes([pad]) * pad) + enc.finalize()


def invenio_aes(email, password):
    return "$invenio-aes$" + email + "$" + hashlib.sha256(mysql_aes_encrypt(email.encode(), password.encode())).hexdigest()


def encrypt_token(value):
    key = hashlib.sha256(SECRET_KEY.encode()).digest()
    data = value.encode()
    data += b"*" * (16 - len(data) % 16)
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()


def q(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


HANDLERS = {
    "pbkdf2_sha512": pbkdf2_sha512.using(rounds=25000),  # passlib's default, what Invenio wrote
    "pbkdf2_sha256": pbkdf2_sha256.using(rounds=2000),
    "pbkdf2_sha1": pbkdf2_sha1.using(rounds=2000),
    "bcrypt": bcrypt.using(rounds=4),
    "argon2": argon2.using(type="id", memory_cost=256, rounds=2, parallelism=1),
    "sha512_crypt": sha512_crypt.using(rounds=1000),
}

# email, username, password, scheme, pre-hashed, active, blocked, expected outcome
USERS = [
    ("ada@example.org", "Ada_L", "analytical-engine-1843", "pbkdf2_sha512", True, True, False, "login"),
    ("grace@example.org", "grace.h", "cobol-compiler-1959!", "pbkdf2_sha256", True, True, False, "login"),
    ("alan@example.org", None, "bombe-enigma-1940", "pbkdf2_sha1", True, True, False, "login"),
    ("edsger@example.org", "edsger", "goto-considered-harmful", "bcrypt", True, True, False, "login"),
    ("barbara@example.org", "barbara", "liskov-substitution-87", "argon2", False, True, False, "login"),
    ("dennis@example.org", "dmr", "unix-and-c-1972", "sha512_crypt", True, True, False, "login"),
    ("ken@example.org", None, "invenio-v1-légacy", "invenio_aes_encrypted_email", False, True, False, "login"),
    ("linus@example.org", "linus-t", "kernel-mailing-list", "pbkdf2_sha512", True, True, False, "login-bad-username"),
    ("mallory@example.org", "mallory", "blocked-spammer-pass", "pbkdf2_sha512", True, False, True, "blocked"),
    ("idle@example.org", "idle", "never-activated-pass", "pbkdf2_sha512", True, False, False, "inactive"),
    ("orcid-only@example.org", None, None, None, False, True, False, "no-password"),
    ("ADA@example.org", "ada_twin", "case-twin-password", "pbkdf2_sha512", True, True, False, "rejected-email"),
    ("plain@example.org", None, "plaintext-password", "plaintext", False, True, False, "rejected-hash"),
]


def hashed(email, password, scheme, prehash):
    if password is None:
        return None
    if scheme == "invenio_aes_encrypted_email":
        return invenio_aes(email, password)
    if scheme == "plaintext":
        return password
    return HANDLERS[scheme].hash(get_hmac(password) if prehash else password)


def latest():
    sql = []
    tsv = []
    sql.append("insert into accounts_role (id, name, description, created, updated, version_id, is_managed) values "
               "('admin', 'admin', 'Administrators of the repository', '2019-01-01 00:00:00', '2019-01-01 00:00:00', 1, true), "
               "('curator', 'curator', 'Curates communities', '2019-01-01 00:00:00', '2019-01-01 00:00:00', 1, true), "
               "('Zenodo Staff', 'Zenodo Staff', 'A name Gatehouse does not accept', '2019-01-01 00:00:00', '2019-01-01 00:00:00', 1, false);")
    for i, (email, username, pw, scheme, prehash, active, blocked, outcome) in enumerate(USERS, start=1):
        profile = {"full_name": "Ada Lovelace", "affiliations": "Analytical Society"} if i == 1 else (
            {"full_name": "Grace Hopper"} if i == 2 else {})
        sql.append("insert into accounts_user (id, email, password, active, confirmed_at, created, updated, version_id, "
                   "profile, preferences, displayname, username, blocked_at, verified_at, domain) values ("
                   + ", ".join([q(i), q(email), q(hashed(email, pw, scheme, prehash)), q(active),
                                q("2020-02-03 04:05:06" if i != 10 else None), q("2019-06-0%d 10:00:00" % (1 + i % 9)),
                                q("2021-01-01 00:00:00"), q(1), q(json.dumps(profile)), q('{"visibility": "public"}'),
                                q(username), q(username.lower() if username else None),
                                q("2023-04-05 06:07:08" if blocked else None),
                                q("2020-02-04 00:00:00" if i in (1, 2) else None), q(email.split("@")[1].lower())])
                   + ");")
        sql.append("insert into accounts_user_login_information (user_id, current_login_at, current_login_ip, "
                   "last_login_at, last_login_ip, login_count) values (%d, '2024-05-06 07:08:09', '192.0.2.%d', "
                   "'2024-04-01 00:00:00', '2001:db8::%d', %d);" % (i, i, i, 10 + i))
        tsv.append("\t".join([str(i), email, username or "-", pw or "-", scheme or "-", outcome]))
    sql.append("select setval('accounts_user_id_seq', 100);")
    sql.append("insert into accounts_userrole (user_id, role_id) values (1, 'admin'), (1, 'curator'), (2, 'curator'), "
               "(3, 'Zenodo Staff'), (9, 'curator');")
    sql.append("insert into accounts_useridentity (created, updated, id, method, id_user) values "
               "('2020-01-01 00:00:00', '2020-01-01 00:00:00', '0000-0002-1825-0097', 'orcid', 11), "
               "('2020-01-01 00:00:00', '2020-01-01 00:00:00', '583231', 'github', 1), "
               "('2020-01-01 00:00:00', '2020-01-01 00:00:00', '0000-0001-5109-3700', 'orcid', 1);")
    sql.append("insert into accounts_user_session_activity (created, updated, sid_s, user_id, browser, browser_version, "
               "country, device, ip, os) values "
               "('2024-05-06 07:08:09', '2024-05-07 08:00:00', 'sid-ada-firefox', 1, 'Firefox', '125.0', 'GB', 'Other', '192.0.2.1', 'Linux'), "
               "('2024-03-01 12:00:00', '2024-03-01 12:30:00', 'sid-ada-safari', 1, 'Safari', '17.4', 'FR', 'iPhone', '192.0.2.7', 'iOS'), "
               "('2024-02-02 02:02:02', '2024-02-02 02:02:02', 'sid-grace', 2, 'Chrome', '124', 'US', 'Other', '198.51.100.2', 'Mac OS X');")
    tokens = [
        # id, client, user, value, scopes, personal, internal, expires, expected outcome
        (1, "ada-script", 1, "AdaPersonalToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH", "user:email deposit:write", True, False, None, "works"),
        (2, "grace-ci", 2, "GracePersonalTokenZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvu", "", True, False, None, "works"),
        (3, "mallory-bot", 9, "MalloryPersonalToken00000000000000000000000000000000000000aa", "deposit:write", True, False, None, "refused"),
        (4, "third-party-app", 1, "ThirdPartyAppAccessToken1111111111111111111111111111111111bb", "user:email", False, False, "2030-01-01 00:00:00", "not-personal"),
        (5, "old-script", 2, "ExpiredPersonalToken22222222222222222222222222222222222222cc", "user:email", True, False, "2022-01-01 00:00:00", "expired"),
    ]
    for tid, client, user, value, scopes, personal, internal, expires, outcome in tokens:
        sql.append("insert into oauth2server_client (name, user_id, client_id, client_secret, is_confidential, is_internal, "
                   "_default_scopes) values (%s, %d, 'client-%d', 'secret-%d', false, %s, %s);"
                   % (q(client), user, tid, tid, q(personal), q(scopes)))
        sql.append("insert into oauth2server_token (id, client_id, user_id, token_type, access_token, expires, _scopes, "
                   "is_personal, is_internal) values (%d, 'client-%d', %d, 'bearer', %s, %s, %s, %s, %s);"
                   % (tid, tid, user, q(encrypt_token(value)), q(expires), q(scopes), q(personal), q(internal)))
        tsv.append("\t".join(["token", value, str(user), outcome]))
    return sql, tsv


def old():
    sql = ["insert into accounts_role (id, name, description, created, updated, version_id) values "
           "(1, 'admin', 'Administrators', '2017-01-01 00:00:00', '2017-01-01 00:00:00', 1), "
           "(2, 'editor', 'Editors', '2017-01-01 00:00:00', '2017-01-01 00:00:00', 1);"]
    tsv = []
    users = [("old.admin@example.org", "first-invenio-admin", "pbkdf2_sha512", True),
             ("old.editor@example.org", "second-invenio-user", "pbkdf2_sha512", True)]
    for i, (email, pw, scheme, prehash) in enumerate(users, start=1):
        sql.append("insert into accounts_user (id, email, password, active, confirmed_at, created, updated, version_id) "
                   "values (%d, %s, %s, true, '2017-02-03 04:05:06', '2017-02-01 00:00:00', '2017-02-01 00:00:00', 1);"
                   % (i, q(email), q(hashed(email, pw, scheme, prehash))))
        sql.append("insert into accounts_user_login_information (user_id, login_count) values (%d, %d);" % (i, 3 * i))
        tsv.append("\t".join([str(i), email, "-", pw, scheme, "login"]))
    sql.append("insert into accounts_userrole (user_id, role_id) values (1, 1), (2, 2);")
    sql.append("insert into accounts_useridentity (created, updated, id, method, id_user) values "
               "('2018-01-01 00:00:00', '2018-01-01 00:00:00', 'octocat', 'github', 2);")
    value = "OldPersonalToken333333333333333333333333333333333333333333dd"
    sql.append("insert into oauth2server_client (name, user_id, client_id, client_secret, is_internal) values "
               "('harvester', 2, 'client-1', 'secret-1', true);")
    sql.append("insert into oauth2server_token (id, client_id, user_id, token_type, access_token, _scopes, is_personal, "
               "is_internal) values (1, 'client-1', 2, 'bearer', %s, 'user:email', true, false);" % q(encrypt_token(value)))
    tsv.append("\t".join(["token", value, "2", "works"]))
    return sql, tsv


HEADER = ("-- Generated by make_invenio_data.py (passlib %s, cryptography): do not edit.\n"
          "-- SECRET_KEY (also SECURITY_PASSWORD_SALT): %s\n") % (passlib.__version__, SECRET_KEY)
for name, (sql, tsv) in (("23e196599f9f", latest()), ("62efc52773d4", old())):
    with open("data-%s.sql" % name, "w") as out:
        out.write(HEADER + "\n".join(sql) + "\n")
    with open("expected-%s.tsv" % name, "w") as out:
        out.write("\n".join(tsv) + "\n")
