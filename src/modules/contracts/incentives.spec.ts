import { Industry, Province } from '../enterprises/enterprise.enums';
import { qualificationProblems } from './incentives';

describe('qualificationProblems', () => {
  const leadingSculpture = { requiresLeading: true, originProvinces: null, industries: [Industry.SCULPTURE] };
  it('accepts a qualifying enterprise', () => {
    expect(
      qualificationProblems(leadingSculpture, {
        leading: true,
        originProvince: Province.SICHUAN,
        industry: Industry.SCULPTURE,
      }),
    ).toEqual([]);
  });
  it('states every reason of a refusal', () => {
    expect(
      qualificationProblems(
        { ...leadingSculpture, originProvinces: [Province.SICHUAN, Province.CHONGQING] },
        { leading: false, originProvince: Province.FUJIAN, industry: Industry.STONE_MATERIAL },
      ),
    ).toEqual([
      'it is not a leading enterprise (龙头企业)',
      'its origin FUJIAN is not one of SICHUAN, CHONGQING',
      'its industry STONE_MATERIAL is not one of SCULPTURE',
    ]);
  });
});
