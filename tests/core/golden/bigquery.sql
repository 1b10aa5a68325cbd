-- case: redact
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[REDACTED]' END AS v FROM t;

-- case: redact_label
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[HIDDEN]' END AS v FROM t;

-- case: null
SELECT CAST(NULL AS STRING) AS v FROM t;

-- case: partial_last4
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN REPEAT('*', GREATEST(LENGTH(v), 0)) ELSE REPEAT('*', GREATEST(LENGTH(v) - 4, 0)) || RIGHT(v, 4) END END AS v FROM t;

-- case: partial_first2_last2
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN REPEAT('#', GREATEST(LENGTH(v), 0)) ELSE SUBSTRING(v, 1, 2) || REPEAT('#', GREATEST(LENGTH(v) - 4, 0)) || RIGHT(v, 2) END END AS v FROM t;

-- case: char_mask
SELECT CASE WHEN v IS NULL THEN NULL ELSE REGEXP_REPLACE(v, '[^- .,@_+:/()#]', '*') END AS v FROM t;

-- case: char_mask_all
SELECT CASE WHEN v IS NULL THEN NULL ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END AS v FROM t;

-- case: email
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN INSTR(v, '@') > 1 THEN '*****' || SUBSTRING(v, INSTR(v, '@')) ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END END AS v FROM t;

-- case: email_keep1
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN INSTR(v, '@') > 1 THEN SUBSTRING(v, 1, 1) || '*****' || SUBSTRING(v, INSTR(v, '@')) ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END END AS v FROM t;

-- case: hash
SELECT TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))) AS v FROM t;

-- case: hash16
SELECT SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 1, 16) AS v FROM t;

-- case: hmac
SELECT TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_opad), SHA256(CONCAT(FROM_HEX(@maskline_ipad), CAST(v AS BYTES)))))) AS v FROM t;

-- case: hmac16
SELECT SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_opad), SHA256(CONCAT(FROM_HEX(@maskline_ipad), CAST(v AS BYTES)))))), 1, 16) AS v FROM t;

-- case: hmac_int
SELECT TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_opad), SHA256(CONCAT(FROM_HEX(@maskline_ipad), CAST(CAST(v AS STRING) AS BYTES)))))) AS v FROM t;

-- case: generalize_prefix3
SELECT CASE WHEN v IS NULL THEN NULL ELSE SUBSTRING(v, 1, 3) || REPEAT('*', GREATEST(LENGTH(v) - 3, 0)) END AS v FROM t;

-- case: generalize_year
SELECT CAST(DATE_TRUNC(CAST(v AS DATE), YEAR) AS DATE) AS v FROM t;

-- case: generalize_month
SELECT CAST(DATE_TRUNC(CAST(v AS DATE), MONTH) AS DATE) AS v FROM t;

-- case: generalize_bucket10
SELECT FLOOR(v / 10) * 10 AS v FROM t;

-- case: fake_name
SELECT CASE WHEN v IS NULL THEN NULL ELSE ['Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 4, 1)) - 1) * 1, 64))] || ' ' || ['Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 8, 1)) - 1) * 1, 64))] END AS v FROM t;

-- case: fake_email
SELECT CASE WHEN v IS NULL THEN NULL ELSE LOWER(['Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 4, 1)) - 1) * 1, 64))] || '.' || ['Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 8, 1)) - 1) * 1, 64))] || '@example.com') END AS v FROM t;

-- case: fake_word
SELECT CASE WHEN v IS NULL THEN NULL ELSE ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 4, 1)) - 1) * 1, 64))] || '-' || ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss'][OFFSET(MOD((INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(TO_HEX(SHA256(CONCAT(FROM_HEX(@maskline_salt), CAST(v AS BYTES)))), 8, 1)) - 1) * 1, 64))] END AS v FROM t;

-- case: scrub
SELECT REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(v, '[^ ,;:<>()"\'@*]+@[^ ,;:<>()"\'@*]+[.][A-Za-z]{2,}', '[EMAIL]'), '[A-Z]{2}[0-9]{2}[ ]?([A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}', '[IBAN]'), '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{1,4}', '[CREDIT_CARD]'), '[0-9]{3}-[0-9]{2}-[0-9]{4}', '[US_SSN]'), '[+][0-9][0-9 ().-]{7,}[0-9]|[(]?[0-9]{3}[)]?[ .-][0-9]{3}[ .-][0-9]{4}', '[PHONE]'), '[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}', '[IP_ADDRESS]') AS v FROM t;
