"""An independent relying party (Debian's python3-authlib) against Gatehouse's OpenID Connect provider.

Knows only the issuer, a confidential client and a user's login: discovery, authorization code with PKCE through
Gatehouse's login page (a requests session standing for the browser), ID token verified against the JWKS, userinfo,
refresh, introspection. Prints one "ok ..." line per step; any failure raises (exit status 1).

usage: authlib_client.py ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI LOGIN PASSWORD
"""
import re
import sys
from urllib.parse import urljoin

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt

issuer, client_id, client_secret, redirect_uri, login, password = sys.argv[1:7]

discovery = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
assert discovery["issuer"] == issuer, discovery
print("ok discovery")

client = OAuth2Session(client_id, client_secret, scope="openid profile email", redirect_uri=redirect_uri,
                       code_challenge_method="S256")
verifier = generate_token(48)
nonce = generate_token(16)
url, state = client.create_authorization_url(discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce)

browser = requests.Session()
response = browser.get(url, allow_redirects=False, timeout=10)
login_page_url = urljoin(url, response.headers["Location"])
login_page = browser.get(login_page_url, timeout=10)
csrf = re.search(r'name="_csrf" value="([^"]+)"', login_page.text).group(1)
response = browser.post(login_page_url, data={"login": login, "password": password, "_csrf": csrf},
                        allow_redirects=False, timeout=10)
location = urljoin(login_page_url, response.headers["Location"])
while not location.startswith(redirect_uri):
    response = browser.get(location, allow_redirects=False, timeout=10)
    location = urljoin(location, response.headers["Location"])
print("ok logged in and authorized")

token = client.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier,
                           state=state)
keys = JsonWebKey.import_key_set(requests.get(discovery["jwks_uri"], timeout=10).json())
claims = jwt.decode(token["id_token"], keys, claims_options={
    "iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": client_id},
    "nonce": {"essential": True, "value": nonce}})
claims.validate()
print("ok id token " + claims["sub"] + " " + claims["email"])

userinfo = client.get(discovery["userinfo_endpoint"]).json()
assert userinfo["sub"] == claims["sub"] and userinfo["email"] == login, userinfo
print("ok userinfo")

refreshed = client.refresh_token(discovery["token_endpoint"], refresh_token=token["refresh_token"])
assert refreshed["refresh_token"] != token["refresh_token"]
print("ok refreshed")

introspection = client.introspect_token(discovery["introspection_endpoint"], token=refreshed["access_token"]).json()
assert introspection["active"] is True and introspection["client_id"] == client_id, introspection
print("ok introspected")
