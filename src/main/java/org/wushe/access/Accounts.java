package org.wushe.access;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

}
