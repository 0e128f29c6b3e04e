// Writes the oracle.csv files that scripts/reference/oracle_auc.py reads: the default synthetic cohorts'
// oracles (seeds 1-3, interaction context and none), from the plan alone (no pixels: the oracle does not
// depend on them). Run after `npm run build`:  node scripts/reference/make_oracle_csvs.js <dir>
const path = require('path');
const fs = require('fs');
const data = require('../../dist/lib/synth');
const dir = process.argv[2] || '/tmp/cfcml-oracles';
fs.mkdirSync(dir, { recursive: true });
for (const interaction of ['context', 'none']) {
  for (const seed of [1, 2, 3]) {
    const plan = data.planDerm7pt({ seed, interaction });
    const rows = plan.filter((c) => c.label >= 0).map((c) => data.derm7ptOracleRow(c, interaction));
    data.writeOracleCsv(path.join(dir, `derm7pt-${interaction}-seed${seed}.csv`), 'case_num', rows, 2);
    if (data.planMen) {
      const men = data.planMen({ seed, interaction });
      data.writeOracleCsv(path.join(dir, `men-${interaction}-seed${seed}.csv`), 'patient_id', men.map((p) => data.menOracleRow(p, interaction)), 3);
    }
  }
}
console.log(`oracle files in ${dir}`);
