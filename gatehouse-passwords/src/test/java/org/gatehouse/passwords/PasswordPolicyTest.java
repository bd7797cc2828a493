package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void bundledDictionaryHasAtLeastAHundredThousandPasswords() {
        assertThat(CommonPasswords.bundledSize()).isGreaterThanOrEqualTo(100_000);
        assertThat(CommonPasswords.size()).as("case-insensitive distinct entries").isGreaterThan(95_000);
    }

    @Test
    void acceptsALongUnusualPassphraseWithoutCompositionRules() {
        assertThat(policy.check("marmalade glacier trombone seventeen", "alice@example.org", "alice")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(policy.check("Zq8#vW2!", null, null)).anyMatch(p -> p.contains("at least 12 characters"));
        assertThat(new PasswordPolicy(8, 4096).check("Zq8#vW2!kLp", null, null)).isEmpty();
    }

    @Test
    void refusesAPasswordWhoseNfkcFormIsOverTheMaximum() {
        String expands = "\uFDFA".repeat(100) + "-orbit"; // 306 bytes typed, 1,806 once NFKC-normalised
        assertThat(new PasswordPolicy(12, 1024).check(expands, null, null))
            .containsExactly("Password must be at most 1024 bytes long.");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.check("ñandú kiwi ü", null, null)).noneMatch(p -> p.contains("at least"));
    }

    @Test
    void minimumLengthCannotGoBelowEight() {
        assertThatThrownBy(() -> new PasswordPolicy(7, 4096)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOversizedPasswordsBeforeAnythingElse() {
        assertThat(new PasswordPolicy(12, 64).check("ü".repeat(33), null, null))
                .containsExactly("Password must be at most 64 bytes long.");
        assertThat(new PasswordPolicy(12, 64).check("ü".repeat(32), null, null))
                .noneMatch(p -> p.contains("at most"));
    }

    @Test
    void refusesCommonPasswordsCaseInsensitively() {
        assertThat(policy.check("PASSWORD1234", null, null)).anyMatch(p -> p.contains("most common"));
        assertThat(policy.check("123qweasdzxc", null, null)).anyMatch(p -> p.contains("most common"));
    }

    @Test
    void refusesGuessablePasswordsNotOnTheList() {
        assertThat(policy.check("aaaaaaaaaaaaaaaaaaaa", null, null)).anyMatch(p -> p.contains("too easy to guess"));
        assertThat(policy.check("abcdefghijklmnop", null, null)).anyMatch(p -> p.contains("too easy to guess"));
    }

    @Test
    void refusesEmailLocalPartAndUsername() {
        assertThat(policy.check("xX-Alice.Smith-glacier", "alice.smith@example.org", null))
                .contains("Password must not contain the name part of your email address (\"alice.smith\", before the @).")
                .noneMatch(p -> p.equals("Password must not contain your email address."));
        assertThat(policy.check("glacier-Alice.Smith@Example.org", "alice.smith@example.org", null))
                .contains("Password must not contain your email address.");
        assertThat(policy.check("glacier-JDoe-trombone", null, "jdoe"))
                .contains("Password must not contain your username.");
        assertThat(policy.check("glacier-al-trombone-x", "al@example.org", "al")).isEmpty();
    }

    @Test
    void normalizeAppliesNfkc() {
        assertThat(PasswordPolicy.normalize("cafe\u0301 \uFB01")).isEqualTo("caf\u00e9 fi");
    }
}
