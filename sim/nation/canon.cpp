// Canon as an input series, paid on the first of each month (value k of a series is for the k-th
// month of the run; the last repeats). Received canon is passed through to its municipality.
// Produced canon C of a district is split by the canon rule (Ley 27506 art. 9, FACTS.md §4.4):
// district_share C to the producing district, province_share C to the municipalities of its province
// and department_share C to those of its department, both by population x (1 + poverty share); the
// rest is the regional government's, outside the world. Only the world's municipalities take part,
// so a world without the whole province or department gives them what the others would have had.
// The mechanism's budget receives exactly what it pays.
#include <numeric>

#include "sim/nation/formula_index.hpp"
#include "sim/nation/funding_mechanism.hpp"

namespace munisim::nation {
namespace {

struct ProducedCanon {
  std::vector<double> soles_per_month;
  std::vector<double> to_municipality;  // soles per sol produced, per municipality
};

double month_value(const std::vector<double>& values, int month) {
  return values[std::min<std::size_t>(static_cast<std::size_t>(month), values.size() - 1)];
}

class Canon final : public FundingMechanism {
 public:
  Canon(const CanonConfig& config, const NationContext& context) : config_(config), context_(context) {
    const std::size_t n = context.municipalities.size();
    for (std::size_t k = 0; k < config.received.size(); ++k) {
      received_index_.push_back(municipality_index(
          context, config.received[k].ubigeo, "nation.canon.received[" + std::to_string(k) + "].ubigeo"));
    }
    for (const CanonSeriesConfig& produced : config.produced) {
      ProducedCanon canon{produced.soles_per_month, std::vector<double>(n, 0.0)};
      std::vector<std::size_t> province, department;
      for (std::size_t i = 0; i < n; ++i) {
        const std::string& ubigeo = context.municipalities[i].ubigeo;
        if (ubigeo == produced.ubigeo) canon.to_municipality[i] += config.district_share;
        if (ubigeo.substr(0, 4) == produced.ubigeo.substr(0, 4)) province.push_back(i);
        if (ubigeo.substr(0, 2) == produced.ubigeo.substr(0, 2)) department.push_back(i);
      }
      const auto add = [&](const std::vector<std::size_t>& members, double share) {
        const std::vector<double> parts = split_by_needs(share, context.municipalities, members);
        for (std::size_t k = 0; k < members.size(); ++k) canon.to_municipality[members[k]] += parts[k];
      };
      add(province, config.province_share);
      add(department, config.department_share);
      produced_.push_back(std::move(canon));
    }
  }

  double credit(int day) override {
    if (!context_.calendar.is_first_of_month(day)) return 0.0;
    std::vector<double> paid(context_.municipalities.size(), 0.0);
    pay_month(day, paid);
    return std::accumulate(paid.begin(), paid.end(), 0.0);
  }

  void pay(int day, std::span<const MunicipalityReport>, double, std::span<double> paid, std::span<Letter>) override {
    if (context_.calendar.is_first_of_month(day)) pay_month(day, paid);
  }

 private:
  void pay_month(int day, std::span<double> paid) const {
    const Date start = context_.calendar.start(), today = context_.calendar.date(day);
    const int month = (today.year - start.year) * 12 + (today.month - start.month);
    for (std::size_t k = 0; k < config_.received.size(); ++k) {
      paid[received_index_[k]] += month_value(config_.received[k].soles_per_month, month);
    }
    for (const ProducedCanon& canon : produced_) {
      const double soles = month_value(canon.soles_per_month, month);
      for (std::size_t i = 0; i < paid.size(); ++i) paid[i] += soles * canon.to_municipality[i];
    }
  }

  const CanonConfig& config_;
  const NationContext& context_;
  std::vector<std::size_t> received_index_;
  std::vector<ProducedCanon> produced_;
};

}  // namespace

std::unique_ptr<FundingMechanism> make_canon(const CanonConfig& config, const NationContext& context) {
  return std::make_unique<Canon>(config, context);
}

}  // namespace munisim::nation
