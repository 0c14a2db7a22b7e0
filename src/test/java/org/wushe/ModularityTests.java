package org.wushe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(WusheApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Every module but the open shared kernel names the modules it may use, so {@link #modulesRespectTheirBoundaries}
	 * checks the layering of the style guide, not only the absence of cycles.
	 */
	@Test
	void everyModuleDeclaresItsAllowedDependencies() {
		List<String> undeclared = MODULES.stream()
			.filter(module -> !declaresItsDependencies(module.getBasePackage().getName()))
			.map(module -> module.getIdentifier().toString())
			.toList();
		assertThat(undeclared).isEmpty();
	}

	private static boolean declaresItsDependencies(String basePackage) {
		try {
			ApplicationModule declared = Class.forName(basePackage + ".package-info")
				.getAnnotation(ApplicationModule.class);
			if (declared == null) {
				return false;
			}
			return declared.type() == ApplicationModule.Type.OPEN
					|| !List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
