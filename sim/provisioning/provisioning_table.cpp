#include "sim/provisioning/provisioning_table.hpp"

namespace munisim {

Table provisioning_table(const ProvisionRecords& records) {
  Table table{.name = "provisioning"};
  table.texts = {{"rule", {}}, {"municipality", {}}, {"inputs", {}}, {"result", {}}, {"source", {}}, {"status", {}}};
  for (const ProvisionRecord& record : records) {
    const std::string* fields[] = {&record.rule,   &record.municipality, &record.inputs,
                                   &record.result, &record.source,       &record.status};
    for (std::size_t c = 0; c < table.texts.size(); ++c) table.texts[c].values.push_back(*fields[c]);
  }
  return table;
}

}  // namespace munisim
