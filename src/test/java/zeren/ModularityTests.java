package zeren;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ZerenApplication.class);

	@Test
	void the_modules_keep_their_boundaries() {
		modules.verify();
	}

	@Test
	void every_module_declares_the_modules_it_may_use() {
		modules.forEach(module -> {
			ApplicationModule declared = Package.getPackage(module.getBasePackage().getName())
					.getAnnotation(ApplicationModule.class);
			assertThat(declared).as(module.getIdentifier() + " has a package-info with @ApplicationModule").isNotNull();
			assertThat(declared.allowedDependencies()).as(module.getIdentifier() + " declares allowedDependencies")
					.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void the_module_documentation_is_written_and_the_diagram_in_docs_is_current() throws Exception {
		// Canvases are left out: they need javadoc metadata the build does not produce.
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		java.nio.file.Path written = java.nio.file.Path.of("target/spring-modulith-docs", "components.puml");
		java.nio.file.Path committed = java.nio.file.Path.of("docs/modules/components.puml");
		// the order of the relations is not fixed; their set is
		assertThat(new java.util.TreeSet<>(java.nio.file.Files.readAllLines(committed)))
				.as("docs/modules/components.puml is the diagram of the modules as they are: copy it from " + written)
				.isEqualTo(new java.util.TreeSet<>(java.nio.file.Files.readAllLines(written)));
	}
}
