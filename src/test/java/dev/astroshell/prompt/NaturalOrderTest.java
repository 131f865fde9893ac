package dev.astroshell.prompt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {

	@Test
	void numbersByValueLettersWithoutCaseOrAccents() {
		List<String> names = new ArrayList<>(List.of("job 59", "job 6", "Job 10", "équipe", "Equipe b", "job 007",
				"job 7", "alpha", "job"));
		names.sort(NaturalOrder.NAMES);
		assertThat(names).containsExactly("alpha", "équipe", "Equipe b", "job", "job 6", "job 007", "job 7",
				"Job 10", "job 59");
	}

	@Test
	void itemsByAName() {
		record Item(String name) {
		}
		List<Item> items = new ArrayList<>(List.of(new Item("etl 12"), new Item("etl 2"), new Item(null)));
		items.sort(NaturalOrder.by(Item::name));
		assertThat(items).extracting(Item::name).containsExactly(null, "etl 2", "etl 12");
	}

	@Test
	void hugeNumbersAndTiesStayTotal() {
		assertThat(NaturalOrder.NAMES.compare("v123456789012345678901", "v99")).isPositive();
		assertThat(NaturalOrder.NAMES.compare("Équipe", "equipe")).isNotZero();
		assertThat(NaturalOrder.fold("Équipe Données")).isEqualTo("equipe donnees");
	}

}
