package io.trunkline.localstack;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two services, checked side by side (only this module sees both): a concept both
 * need lives once in shared-schema, so the gateway and the worker declare no class of the
 * same simple name, which is how a copied class shows.
 */
class ServiceRulesTests {

	@Test
	void gatewayAndWorkerShareNoClassName() {
		// given
		Set<String> gateway = topLevelNames("io.trunkline.gateway");
		Set<String> worker = topLevelNames("io.trunkline.worker");
		assertThat(gateway).contains("GatewayApplication", "KafkaBroker");
		assertThat(worker).contains("WorkerApplication", "KafkaHealthIndicator");

		// when
		Set<String> both = gateway.stream().filter(worker::contains).collect(Collectors.toSet());

		// then
		assertThat(both).as("classes declared in both services instead of once in shared-schema").isEmpty();
	}

	private static Set<String> topLevelNames(String rootPackage) {
		return classes(rootPackage).stream()
			.filter(JavaClass::isTopLevelClass)
			.map(JavaClass::getSimpleName)
			.filter((name) -> !name.equals("package-info"))
			.collect(Collectors.toSet());
	}

	private static JavaClasses classes(String rootPackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(rootPackage);
	}

}
