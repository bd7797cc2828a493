package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Flask-Security's {@code get_hmac}: base64(HMAC-SHA512(key = salt, message = password)), padded. */
final class FlaskSecurityHmac {

    private final byte[] key;

    FlaskSecurityHmac(String salt) {
        this.key = salt.getBytes(StandardCharsets.UTF_8);
    }

    byte[] preHash(byte[] password) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(password, 0, password.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Base64.getEncoder().encode(out);
    }
}
