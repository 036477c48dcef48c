@NullMarked
package io.ticketing.train.adapter.in.web;

import org.jspecify.annotations.NullMarked;
