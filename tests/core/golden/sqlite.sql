-- case: redact
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[REDACTED]' END AS v FROM t;

-- case: redact_label
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[HIDDEN]' END AS v FROM t;

-- case: null
SELECT CAST(NULL AS TEXT) AS v FROM t;

-- case: partial_last4
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN REPEAT('*', GREATEST(LENGTH(v), 0)) ELSE REPEAT('*', GREATEST(LENGTH(v) - 4, 0)) || RIGHT_CHARS(v, 4) END END AS v FROM t;

-- case: partial_first2_last2
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN REPEAT('#', GREATEST(LENGTH(v), 0)) ELSE SUBSTRING(v, 1, 2) || REPEAT('#', GREATEST(LENGTH(v) - 4, 0)) || RIGHT_CHARS(v, 2) END END AS v FROM t;

-- case: char_mask
SELECT CASE WHEN v IS NULL THEN NULL ELSE REGEXP_REPLACE(v, '[^- .,@_+:/()#]', '*') END AS v FROM t;

-- case: char_mask_all
SELECT CASE WHEN v IS NULL THEN NULL ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END AS v FROM t;

-- case: email
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN INSTR(v, '@') > 1 THEN '*****' || SUBSTRING(v, INSTR(v, '@')) ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END END AS v FROM t;

-- case: email_keep1
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN INSTR(v, '@') > 1 THEN SUBSTRING(v, 1, 1) || '*****' || SUBSTRING(v, INSTR(v, '@')) ELSE REPEAT('*', GREATEST(LENGTH(v), 0)) END END AS v FROM t;

-- case: hash
SELECT LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))) AS v FROM t;

-- case: hash16
SELECT SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 1, 16) AS v FROM t;

-- case: hmac
SELECT LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('opad'), SHA256(BIN_CONCAT(MASKLINE_KEY('ipad'), TO_UTF8(v))))))) AS v FROM t;

-- case: hmac16
SELECT SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('opad'), SHA256(BIN_CONCAT(MASKLINE_KEY('ipad'), TO_UTF8(v))))))), 1, 16) AS v FROM t;

-- case: hmac_int
SELECT LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('opad'), SHA256(BIN_CONCAT(MASKLINE_KEY('ipad'), TO_UTF8(CAST(v AS TEXT)))))))) AS v FROM t;

-- case: generalize_prefix3
SELECT CASE WHEN v IS NULL THEN NULL ELSE SUBSTRING(v, 1, 3) || REPEAT('*', GREATEST(LENGTH(v) - 3, 0)) END AS v FROM t;

-- case: generalize_year
SELECT DATE_TRUNC_TEXT('year', v) AS v FROM t;

-- case: generalize_month
SELECT DATE_TRUNC_TEXT('month', v) AS v FROM t;

-- case: generalize_bucket10
SELECT FLOOR_DIV(v, 10) * 10 AS v FROM t;

-- case: fake_name
SELECT CASE WHEN v IS NULL THEN NULL ELSE PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 4, 1)) - 1) * 1) % 64, 'Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi') || ' ' || PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 8, 1)) - 1) * 1) % 64, 'Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga') END AS v FROM t;

-- case: fake_email
SELECT CASE WHEN v IS NULL THEN NULL ELSE LOWER(PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 4, 1)) - 1) * 1) % 64, 'Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi') || '.' || PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 8, 1)) - 1) * 1) % 64, 'Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga') || '@example.com') END AS v FROM t;

-- case: fake_word
SELECT CASE WHEN v IS NULL THEN NULL ELSE PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 1, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 2, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 3, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 4, 1)) - 1) * 1) % 64, 'amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss') || '-' || PICK(((INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 5, 1)) - 1) * 4096 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 6, 1)) - 1) * 256 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 7, 1)) - 1) * 16 + (INSTR('0123456789abcdef', SUBSTRING(LOWER(TO_HEX(SHA256(BIN_CONCAT(MASKLINE_KEY('salt'), TO_UTF8(v))))), 8, 1)) - 1) * 1) % 64, 'amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss') END AS v FROM t;

-- case: scrub
SELECT REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(v, '[^ ,;:<>()"''@*]+@[^ ,;:<>()"''@*]+[.][A-Za-z]{2,}', '[EMAIL]'), '[A-Z]{2}[0-9]{2}[ ]?([A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}', '[IBAN]'), '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{1,4}', '[CREDIT_CARD]'), '[0-9]{3}-[0-9]{2}-[0-9]{4}', '[US_SSN]'), '[+][0-9][0-9 ().-]{7,}[0-9]|[(]?[0-9]{3}[)]?[ .-][0-9]{3}[ .-][0-9]{4}', '[PHONE]'), '[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}', '[IP_ADDRESS]') AS v FROM t;
