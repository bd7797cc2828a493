package org.gatehouse.webauthn;

import java.time.Instant;

/**
 * A security key or passkey of an account as its owner sees it. {@code id} is the credential id in
 * base64url; {@code synced} says the authenticator may copy it to the owner's other devices (a
 * synced passkey), as its backup-eligible flag reports.
 */
public record SecurityKey(String id, String name, Instant createdAt, Instant lastUsedAt, boolean synced) {
}
