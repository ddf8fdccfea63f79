// @ts-check

/**
 * A revision of each entity's derived facts, raised every time they are
 * replaced, so that a reader holding them in memory knows, with one indexed
 * read, whether they are still current (also when another replica derived
 * them).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_entity_state', table => {
    table
      .integer('facts_revision')
      .notNullable()
      .defaultTo(0)
      .comment('raised each time its facts are replaced');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_entity_state', table => {
    table.dropColumn('facts_revision');
  });
};
