@NullMarked
package io.ticketing.user.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
