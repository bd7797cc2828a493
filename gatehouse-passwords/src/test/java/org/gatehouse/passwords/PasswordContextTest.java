package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordContextTest {

    private static final Map<String, Integer> LOW = Map.of(
            "pbkdf2_sha512", 1000, "pbkdf2_sha256", 1000, "pbkdf2_sha1", 1000, "bcrypt", 4,
            "sha512_crypt", 1000, "argon2", 1, "argon2.memory_cost", 64);
    private static final String PASSWORD = "correct horse battery staple";

    private final PasswordContext context = PasswordContext.builder().rounds(LOW).build();

    @Test
    void defaultsToPbkdf2Sha512AtOwaspCost() {
        PasswordContext defaults = PasswordContext.builder().build();
        assertThat(defaults.defaultScheme()).isEqualTo("pbkdf2_sha512");
        String hash = defaults.hash(PASSWORD);
        assertThat(hash).startsWith("$pbkdf2-sha512$220000$");
        assertThat(defaults.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH);
    }

    @Test
    void costShapeKeepsTheSchemeAndCostFieldsOnly() {
        assertThat(context.costShape(context.hash(PASSWORD))).isEqualTo("pbkdf2_sha512 $pbkdf2-sha512$1000");
        assertThat(context.costShape(PasswordContext.builder().defaultScheme("bcrypt").rounds(LOW).build()
                .hash(PASSWORD))).isEqualTo("bcrypt $2b$04");
        assertThat(context.costShape("$6$rounds=5000$saltsalt$digest")).isEqualTo("sha512_crypt $6$rounds=5000");
        assertThat(context.costShape("$6$saltsalt$digest")).isEqualTo("sha512_crypt $6");
        assertThat(context.costShape("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$ZGlnZXN0"))
                .isEqualTo("argon2 $argon2id$v=19$m=64,t=1,p=1");
        assertThat(context.costShape(context.hash(PASSWORD))).isEqualTo(context.costShape(context.hash("other")));
        assertThat(context.costShape("plain-text")).isNull();
        assertThat(context.costShape(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pbkdf2_sha512", "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt", "argon2", "sha512_crypt"})
    void roundTripsEveryWritableScheme(String scheme) {
        PasswordContext ctx = PasswordContext.builder().defaultScheme(scheme).rounds(LOW).build();
        String hash = ctx.hash(PASSWORD);
        assertThat(ctx.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH);
        assertThat(ctx.verify(PASSWORD + "!", hash)).isEqualTo(Verification.NO_MATCH);
        assertThat(context.verify(PASSWORD, hash)).as("other default, same costs").isEqualTo(Verification.MATCH);
    }

    @Test
    void deprecatedSchemeNeedsUpgrade() {
        String hash = PasswordContext.builder().defaultScheme("sha512_crypt").rounds(LOW).build().hash(PASSWORD);
        PasswordContext ctx = PasswordContext.builder().rounds(LOW).deprecatedSchemes(List.of("sha512_crypt")).build();
        assertThat(ctx.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH_NEEDS_UPGRADE);
        assertThat(ctx.verify("wrong", hash)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void autoDeprecatesEveryNonDefaultScheme() {
        String bcrypt = PasswordContext.builder().defaultScheme("bcrypt").rounds(LOW).build().hash(PASSWORD);
        PasswordContext ctx = PasswordContext.builder().rounds(LOW).deprecatedSchemes(List.of("auto")).build();
        assertThat(ctx.verify(PASSWORD, bcrypt)).isEqualTo(Verification.MATCH_NEEDS_UPGRADE);
        assertThat(ctx.verify(PASSWORD, ctx.hash(PASSWORD))).isEqualTo(Verification.MATCH);
    }

    @Test
    void weakerStoredCostNeedsUpgrade() {
        String hash = context.hash(PASSWORD);
        PasswordContext stronger = PasswordContext.builder().rounds(Map.of("pbkdf2_sha512", 2000)).build();
        assertThat(stronger.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH_NEEDS_UPGRADE);
        PasswordContext weaker = PasswordContext.builder().rounds(Map.of("pbkdf2_sha512", 500)).build();
        assertThat(weaker.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH);
    }

    @Test
    void legacyHmacPreHashMatchesNeedUpgradeAndNewHashesStillVerify() throws Exception {
        String salt = "flask-salt";
        String legacy = context.hash(flaskGetHmac(PASSWORD, salt));
        PasswordContext ctx = PasswordContext.builder().rounds(LOW).legacyHmacSalt(salt).build();

        assertThat(ctx.verify(PASSWORD, legacy)).isEqualTo(Verification.MATCH_NEEDS_UPGRADE);
        assertThat(ctx.verify("wrong", legacy)).isEqualTo(Verification.NO_MATCH);
        assertThat(context.verify(PASSWORD, legacy)).as("salt not configured").isEqualTo(Verification.NO_MATCH);
        String upgraded = ctx.hash(PASSWORD);
        assertThat(ctx.verify(PASSWORD, upgraded)).isEqualTo(Verification.MATCH);
    }

    @Test
    void singleHashSchemesNeverTryThePreHash() throws Exception {
        String salt = "flask-salt";
        String legacy = context.hash(flaskGetHmac(PASSWORD, salt));
        PasswordContext ctx = PasswordContext.builder().rounds(LOW).legacyHmacSalt(salt)
                .singleHashSchemes(List.of("pbkdf2_sha512")).build();
        assertThat(ctx.verify(PASSWORD, legacy)).isEqualTo(Verification.NO_MATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plaintext",
        "$1$saltsalt$hash",
        "$pbkdf2-sha512$1000$c2FsdA",
        "$pbkdf2-sha512$1000$c2FsdA$",
        "$pbkdf2-sha512$0$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha512$01000$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha512$2147483648$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha512$2147483647$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha512$99999999999999999999$c2FsdA$AAAA",
        "$pbkdf2-sha512$1000$c2F*dA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha512$1000$c2FsdA$AAAA",
        "$pbkdf2-sha256$-5$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$2b$31$GGPmPf1bsqfAUcXZG5nATe9I14JFZIQLCHtVM/dkGRzBlBKy3eCkO",
        "$2b$03$GGPmPf1bsqfAUcXZG5nATe9I14JFZIQLCHtVM/dkGRzBlBKy3eCkO",
        "$2b$04$GGPmPf1bsqfAUcXZG5nATe9I14JFZIQLCHtVM/dkGRzBlBKy3eCk",
        "$2x$04$GGPmPf1bsqfAUcXZG5nATe9I14JFZIQLCHtVM/dkGRzBlBKy3eCkO",
        "$argon2id$v=19$m=4194304,t=2,p=1$QIhRqrUWYmztnVOq1XoPwQ$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pzc",
        "$argon2id$v=19$m=256,t=2000000,p=1$QIhRqrUWYmztnVOq1XoPwQ$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pzc",
        "$argon2id$v=19$m=256,t=2,p=0$QIhRqrUWYmztnVOq1XoPwQ$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pzc",
        "$argon2id$v=18$m=256,t=2,p=1$QIhRqrUWYmztnVOq1XoPwQ$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pzc",
        "$argon2id$v=19$m=256,t=2,p=1$QIhRqrUWYmztnVOq1XoPwQ$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pz",
        "$argon2id$v=19$m=256,t=2,p=1$QIhRqrUWYmztnVOq1XoPwQ==$qU1owKf3Rnn2mH1m8S9LLgKHT3PRYyZ5Ux3vLHb/pzc",
        "$6$rounds=999$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        "$6$rounds=2147483648$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz",
        "$6$saltstringsaltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        "$invenio-aes$alice@example.org$abc",
    })
    void malformedOrUnknownHashesDoNotMatchAndFailFast(String hash) {
        long start = System.nanoTime();
        assertThat(context.verify(PASSWORD, hash)).isEqualTo(Verification.NO_MATCH);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void schemesOutsideTheEnabledListDoNotMatch() {
        String bcrypt = PasswordContext.builder().defaultScheme("bcrypt").rounds(LOW).build().hash(PASSWORD);
        PasswordContext onlyPbkdf2 = PasswordContext.builder().schemes(List.of("pbkdf2_sha512")).rounds(LOW).build();
        assertThat(onlyPbkdf2.verify(PASSWORD, bcrypt)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void nullsDoNotMatch() {
        assertThat(context.verify(null, context.hash(PASSWORD))).isEqualTo(Verification.NO_MATCH);
        assertThat(context.verify(PASSWORD, null)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void passwordsOverFourKilobytesNeverMatchAndCannotBeHashed() {
        String limit = "é".repeat(2048);
        String over = limit + "x";
        String hash = context.hash(limit);
        assertThat(context.verify(limit, hash)).isEqualTo(Verification.MATCH);
        assertThat(context.verify(over, hash)).isEqualTo(Verification.NO_MATCH);
        assertThatThrownBy(() -> context.hash(over)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verificationDoesNotNormalize() {
        String composed = "caf\u00e9 au lait!";
        String decomposed = "cafe\u0301 au lait!";
        assertThat(context.verify(decomposed, context.hash(composed))).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void dummyVerifyCostsAboutAsMuchAsARealFailure() {
        PasswordContext ctx = PasswordContext.builder().rounds(Map.of("pbkdf2_sha512", 100_000)).build();
        String hash = ctx.hash(PASSWORD);
        ctx.dummyVerify(PASSWORD);
        for (int i = 0; i < 3; i++) {
            ctx.verify("wrong", hash);
            ctx.dummyVerify("wrong");
        }
        long real = time(() -> ctx.verify("wrong", hash));
        long dummy = time(() -> ctx.dummyVerify("wrong"));
        assertThat((double) dummy).isBetween(real * 0.5, real * 2.0);
    }

    @Test
    void builderRefusesBadConfiguration() {
        assertThatThrownBy(() -> PasswordContext.builder().defaultScheme("md5_crypt").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordContext.builder().defaultScheme("invenio_aes_encrypted_email").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordContext.builder().schemes(List.of("bcrypt")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordContext.builder().rounds(Map.of("scrypt", 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordContext.builder().rounds(Map.of("bcrypt", 3)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long time(Runnable r) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    /** Flask-Security's get_hmac, written independently of FlaskSecurityHmac. */
    private static String flaskGetHmac(String password, String salt) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }
}
