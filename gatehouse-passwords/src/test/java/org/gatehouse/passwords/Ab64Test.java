package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ab64Test {

    @Test
    void usesDotForPlusAndNoPadding() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xef, (byte) 0xbe, 0x01};
        assertThat(Ab64.encode(bytes)).isEqualTo("....AQ");
        assertThat(Ab64.decode("....AQ")).isEqualTo(bytes);
    }

    @Test
    void refusesStandardBase64AndBadLengths() {
        assertThatThrownBy(() -> Ab64.decode("++++AQ")).isInstanceOf(MalformedHashException.class);
        assertThatThrownBy(() -> Ab64.decode("AQ==")).isInstanceOf(MalformedHashException.class);
        assertThatThrownBy(() -> Ab64.decode("AQIDB")).isInstanceOf(MalformedHashException.class);
        assertThatThrownBy(() -> Ab64.decode("AQ*D")).isInstanceOf(MalformedHashException.class);
    }
}
