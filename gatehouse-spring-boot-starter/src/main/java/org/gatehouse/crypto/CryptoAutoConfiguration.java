package org.gatehouse.crypto;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The secret key (gatehouse.secret-key, or a generated development key) and the signers derived from it. */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
@Import({ SecretKeys.class, Signers.class })
public class CryptoAutoConfiguration {
}
