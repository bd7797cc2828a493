// Security keys and passkeys: the browser half of the WebAuthn ceremonies (navigator.credentials)
// for the login page ("Sign in with a passkey"), the second step after the password ("Use your
// security key") and the Security keys page ("Add"). The server's
// URLs, the CSRF header's name and the texts come from data- attributes; bytes travel in base64url
// as Spring Security's WebAuthn JSON expects them.
(function () {
  'use strict';

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function descriptors(list) {
    return (list || []).map(function (descriptor) {
      return { type: descriptor.type, id: toBytes(descriptor.id), transports: descriptor.transports };
    });
  }

  // a refusal's problem+json detail (already in the page's language), else the page's own text
  async function failure(response, fallback) {
    try {
      var problem = await response.json();
      return new Error(problem.detail || fallback);
    } catch (e) {
      return new Error(fallback);
    }
  }

  async function postJson(root, url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var csrf = await fetch(root.dataset.csrfUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
    if (csrf.ok) {
      var token = (await csrf.json()).token;
      if (token) {
        headers[root.dataset.csrfHeader] = token;
      }
    }
    var response = await fetch(url, {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(body || {})
    });
    if (!response.ok) {
      throw await failure(response, root.dataset.failed);
    }
    return response.json();
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = false;
  }

  // the browser's answer with one of the keys the server's options allow, as Spring Security's JSON
  async function assertion(root) {
    var options = await postJson(root, root.dataset.optionsUrl);
    var credential = await navigator.credentials.get({
      publicKey: {
        challenge: toBytes(options.challenge),
        rpId: options.rpId,
        timeout: options.timeout,
        userVerification: options.userVerification,
        allowCredentials: descriptors(options.allowCredentials)
      }
    });
    var response = credential.response;
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64url(response.authenticatorData),
        clientDataJSON: toBase64url(response.clientDataJSON),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : null
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    };
  }

  async function signIn(root, error) {
    error.hidden = true;
    var credential = await assertion(root);
    var signedIn = await postJson(root, root.dataset.loginUrl, {
      next: root.dataset.next || null,
      credential: credential
    });
    window.location.assign(signedIn.redirect_url);
  }

  // the second step after the password: the answer goes in the form, which the server's page handles
  async function secondFactor(form, error) {
    error.hidden = true;
    form.elements.code.value = JSON.stringify(await assertion(form));
    form.submit();
  }

  async function register(root, name, error) {
    error.hidden = true;
    var options = await postJson(root, root.dataset.optionsUrl);
    var credential = await navigator.credentials.create({
      publicKey: {
        rp: options.rp,
        user: { id: toBytes(options.user.id), name: options.user.name, displayName: options.user.displayName },
        challenge: toBytes(options.challenge),
        pubKeyCredParams: options.pubKeyCredParams,
        timeout: options.timeout,
        excludeCredentials: descriptors(options.excludeCredentials),
        authenticatorSelection: options.authenticatorSelection,
        attestation: options.attestation,
        extensions: options.extensions
      }
    });
    var response = credential.response;
    await postJson(root, root.dataset.registerUrl, {
      name: name,
      credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        type: credential.type,
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      }
    });
    window.location.assign(root.dataset.doneUrl);
  }

  function failed(error, fallback) {
    return function (e) {
      // the user closed the browser's dialog or the key refused: say so, without the browser's jargon
      show(error, e && e.name !== 'NotAllowedError' && e.message ? e.message : fallback);
    };
  }

  function setUp() {
    var supported = !!(window.PublicKeyCredential && navigator.credentials);
    var login = document.getElementById('passkey-signin-block');
    if (login && supported) {
      var loginError = document.getElementById('passkey-error');
      login.hidden = false;
      document.getElementById('passkey-signin').addEventListener('click', function () {
        signIn(login, loginError).catch(failed(loginError, login.dataset.failed));
      });
    }
    var key = document.getElementById('security-key-form');
    if (key && supported) {
      var keyError = document.getElementById('security-key-error');
      document.getElementById('security-key-block').hidden = false;
      key.addEventListener('submit', function (event) {
        event.preventDefault();
        secondFactor(key, keyError).catch(failed(keyError, key.dataset.failed));
      });
    }
    var form = document.getElementById('webauthn-register-form');
    if (form) {
      var formError = document.getElementById('webauthn-error');
      if (!supported) {
        show(formError, form.dataset.unsupported);
        return;
      }
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        register(form, document.getElementById('webauthn-name').value, formError)
          .catch(failed(formError, form.dataset.failed));
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
