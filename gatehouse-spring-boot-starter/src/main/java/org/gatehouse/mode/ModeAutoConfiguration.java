package org.gatehouse.mode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** gatehouse.mode=production refuses to start with unsafe settings (before any other bean is made). */
@AutoConfiguration
@Import(ProductionSettingsValidator.class)
public class ModeAutoConfiguration {
}
