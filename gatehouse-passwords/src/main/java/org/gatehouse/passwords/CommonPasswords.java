package org.gatehouse.passwords;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/** nbvcxz's bundled top-passwords list (lower-cased) and its guess estimator, loaded once on first use. */
final class CommonPasswords {

    private static final class Holder {
        static final Map<String, Integer> BUNDLED = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
        static final Set<String> TOP_PASSWORDS = lowerCased(BUNDLED.keySet());
        static final Nbvcxz ESTIMATOR = new Nbvcxz();
    }

    private CommonPasswords() {
    }

    static boolean isListed(String password) {
        return Holder.TOP_PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Entries in nbvcxz's passwords.txt as shipped. */
    static int bundledSize() {
        return Holder.BUNDLED.size();
    }

    /** Distinct entries once case is ignored. */
    static int size() {
        return Holder.TOP_PASSWORDS.size();
    }

    static double entropyBits(String password) {
        return Holder.ESTIMATOR.estimate(password).getEntropy();
    }

    private static Set<String> lowerCased(Set<String> entries) {
        Set<String> lowerCased = new HashSet<>();
        for (String entry : entries) {
            lowerCased.add(entry.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(lowerCased);
    }
}
