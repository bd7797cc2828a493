package org.gatehouse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The starter's packages import each other in one direction only: each feature can be read, and left out, from the top. */
class ArchitectureTest {

	private static final JavaClasses STARTER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.gatehouse");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("org.gatehouse.(*)..").should().beFreeOfCycles().check(STARTER);
	}

	/** The properties are the bottom layer: every feature reads them, they read no feature. */
	@Test
	void thePropertiesDependOnNoFeature() {
		noClasses().that().resideInAPackage("org.gatehouse.config..")
			.should().dependOnClassesThat(resideInAPackage("org.gatehouse..").and(resideOutsideOfPackage("org.gatehouse.config..")))
			.check(STARTER);
	}
}
