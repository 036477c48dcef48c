@NullMarked
package io.ticketing.user.domain.model;

import org.jspecify.annotations.NullMarked;
